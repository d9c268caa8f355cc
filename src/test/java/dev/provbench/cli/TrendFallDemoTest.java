package dev.provbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's series through the simulated providers: three demo runs of the reference job (60 cases × 3 trials,
 * ten experiments, so 40 comparisons) on the drift profile with Provider 3's 8B erring 28 points more at night (about
 * 14 points of CorrectScore), played at 09:00, 09:00 and 03:00 UTC. The fall must be flagged or worth a look, with
 * both p-values, and the output must say what the series could detect and which family it used; each family and its
 * bad inputs through the command.
 */
@Slow("three demo runs against the simulated providers")
class TrendFallDemoTest {
  private static final Pattern FALL = Pattern.compile("Provider 3 8b accuracy fell (\\d+\\.\\d) points .*\\(run fall-3: .*p = ");

  @TempDir
  Path dir;

  @Test
  void aFourteenPointFallIsNeverSilent() throws Exception {
    Path profile = dir.resolve("fall-profile.yaml");
    Files.writeString(profile, Files.readString(Path.of("data/sim/drift-profile.yaml"))
        .replace("judge_error_add: 0.4}", "judge_error_add: 0.28}"));
    Path results = dir.resolve("results");
    int[] hours = {9, 9, 3};
    for (int i = 0; i < hours.length; i++) {
      cli("demo", "--profile", profile.toString(), "--out", results.toString(), "--series", "fall", "--hour",
          "" + hours[i], "--sim-seed", "" + (11 + i), "--run-id", "fall-" + (i + 1), "--time-scale", "0.05");
    }

    String out = cli("trend", results.toString(), "--series", "fall", "--report", dir.resolve("trend").toString());
    Matcher fall = FALL.matcher(out);
    assertTrue(fall.find(), out);
    assertTrue(Double.parseDouble(fall.group(1)) > 10, fall.group());
    assertTrue(out.contains("Worth a look: Provider 3 8b accuracy fell") || out.contains("- Provider 3 8b accuracy fell"), out);
    assertTrue(out.contains("What the series could detect, per size"), out);
    assertTrue(Pattern.compile("At 8b this series detects accuracy changes of \\d+\\.\\d points or more \\(80% power\\);"
        + " a change of 2 points would need [\\d,]+ cases per run \\(it has 60\\)").matcher(out).find(), out);
    assertTrue(out.contains("family: each run against the one before; Holm over every comparison of the series"), out);
    String page = Files.readString(dir.resolve("trend/trend.html"));
    assertTrue(page.contains("What the series could detect") && page.contains("Provider 3 8b accuracy fell"), "trend.html");

    String perMetric = cli("trend", results.toString(), "--series", "fall", "--family", "metric");
    assertTrue(perMetric.contains("Holm within each metric at 5% family-wise per metric"), perMetric);
    assertTrue(FALL.matcher(perMetric).find(), perMetric);
    String baseline = cli("trend", results.toString(), "--series", "fall", "--baseline", "fall-1");
    assertTrue(baseline.contains("each run against run fall-1"), baseline);
    assertTrue(!baseline.contains(" fall-2    fall-3 "), "no consecutive comparison: " + baseline);

    assertEquals(Main.EXIT_BAD_INPUT, Main.execute("trend", results.toString(), "--series", "fall", "--family", "baseline"));
    assertEquals(Main.EXIT_BAD_INPUT, Main.execute("trend", results.toString(), "--series", "fall", "--baseline", "nope"));
    assertEquals(Main.EXIT_BAD_INPUT, Main.execute("trend", results.toString(), "--series", "fall", "--family", "all"));
  }

  private static String cli(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.execute(args), String.join(" ", args) + "\n" + out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
