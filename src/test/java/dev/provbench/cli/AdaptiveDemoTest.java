package dev.provbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --workload adaptive}: the adaptive job against the easy profile, in one command, says what it decided. */
@Slow("Spark, several rounds of runs and the report")
class AdaptiveDemoTest {
  @TempDir
  Path dir;

  @Test
  void theAdaptiveDemoSaysWhatItDecidedAndForHowManyCalls() throws Exception {
    Path out = dir.resolve("results");
    ConsoleRun run = ConsoleRun.of("demo", "--workload", "adaptive", "--job", "jobs/adaptive-8b.yaml", "--profile",
        "data/sim/adaptive-easy-profile.yaml", "--out", out.toString(), "--time-scale", "0.05", "--run-id", "adaptive-demo");
    String text = run.text();
    assertEquals(0, run.exit(), text);
    Matcher decided = Pattern.compile("At 8b, Provider 1 is most accurate \\(95% anytime-valid\\); decided after (\\d+) of 540"
        + " calls").matcher(text);
    assertTrue(decided.find(), text);
    assertTrue(Integer.parseInt(decided.group(1)) < 540, text);
    assertTrue(text.contains("Decisions: what the adaptive run settled"), "the write-up shows table decisions: " + text);
    String report = Files.readString(out.resolve("_reports/adaptive-demo/report.html"));
    assertTrue(report.contains("Decisions: what the adaptive run settled") && report.contains("decided after"), "the report says it");
  }
}
