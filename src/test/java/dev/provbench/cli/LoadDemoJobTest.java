package dev.provbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.Slow;
import dev.provbench.job.Job;
import dev.provbench.sim.SimModel;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --workload load}: {@code jobs/load-demo.yaml} against data/sim/load-profile.yaml at the demo's time scale,
 * with its write-up and report, finishes within two and a half minutes, and {@code analyze} and the report find each provider's knee within one
 * step of its serving slots and the degrading provider's accuracy drop at the first step past its degrade_above.
 */
@Slow("the load demo job end to end, up to two and a half minutes")
class LoadDemoJobTest {
  private static final Pattern IN_FLIGHT = Pattern.compile("(\\d+) in flight");

  @TempDir
  Path dir;

  @Test
  void theLoadDemoJobCrossesTheProfilesKneesInUnderTwoMinutes() throws Exception {
    SimProfile profile = SimProfile.load(Path.of("data/sim/load-profile.yaml")).withTimeScale(0.1);
    Path results = dir.resolve("results");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Job job;
    long wallMs;
    long start = System.nanoTime();
    DemoRun.Outcome demo = DemoRun.execute(DemoRun.Request.of(DemoRun.Workload.LOAD).withOut(results)
        .withRunId("load-demo-test").withProgressSeconds(0), new PrintStream(printed, true, StandardCharsets.UTF_8));
    wallMs = (System.nanoTime() - start) / 1_000_000;
    job = demo.job();
    String console = printed.toString(StandardCharsets.UTF_8);
    assertTrue(wallMs < 150_000, "the demo (ladder, analysis and report) took " + wallMs + " ms\n" + console);
    assertTrue(console.contains("figures of load step 1 (2 in flight per model)"), console);

    Path json = dir.resolve("analysis.json");
    assertEquals(0, Main.execute("analyze", results.toString(), "--run", "load-demo-test", "--resamples", "400",
        "--format", "json", "--out-file", json.toString()));
    JsonNode analysis = new ObjectMapper().readTree(Files.readString(json));
    assertEquals(1, analysis.at("/load_step/step").asInt(), "the ordinary tables show the lowest step");
    Map<String, JsonNode> findings = new HashMap<>();
    for (JsonNode t : analysis.get("tables")) {
      if (t.get("id").asText().equals("load_findings")) t.get("rows").forEach(r -> findings.put(r.get("provider").asText(), r));
    }
    List<Integer> ladder = job.load().concurrency();
    for (SimProvider p : profile.providers()) {
      SimModel m = p.models().get(0);
      JsonNode row = findings.get(p.name());
      int knee = ladder.indexOf(inFlight(row.get("knee").asText()));
      assertTrue(knee >= 0 && Math.abs(knee - ladder.indexOf(m.capacity().slots())) <= 1,
          p.name() + ": knee " + row.get("knee") + ", truth " + m.capacity().slots() + " slots\n" + console);
      String drop = row.get("accuracy drops from").asText();
      if (m.capacity().degradeAbove() > 0) {
        int firstPast = ladder.stream().filter(c -> c > m.capacity().degradeAbove()).findFirst().orElseThrow();
        assertEquals(firstPast + " in flight", drop, p.name() + " degrades past " + m.capacity().degradeAbove() + "\n" + console);
      } else {
        assertEquals("no drop", drop, p.name() + "\n" + console);
      }
    }

    Path report = demo.report();
    String html = Files.readString(report);
    assertTrue(html.contains("load step 1 of 4 (2 in flight per model)"), "the report says which step its tables show");
    assertTrue(Files.exists(report.resolveSibling("load-throughput-latency.png")) && Files.exists(report.resolveSibling("load-accuracy.png")));
  }

  private static int inFlight(String load) {
    Matcher m = IN_FLIGHT.matcher(load);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
