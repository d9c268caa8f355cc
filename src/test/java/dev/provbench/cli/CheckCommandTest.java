package dev.provbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.preflight.CheckFile;
import dev.provbench.preflight.CheckMeasurement;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} end to end against the simulated providers: what it prints, what it sends, and its exit code. */
class CheckCommandTest {
  private static final String PROFILE = """
      time_scale: 1
      seed: 3
      providers:
        - name: Plain
          path: /plain
          models: [{id: plain-8b, ttft_ms: 30, tokens_per_s: 800}]
        - name: Tools
          path: /tools
          models: [{id: tools-8b, ttft_ms: 30, tokens_per_s: 800, tool_calls: true, reasoning_ms: 50}]
        - name: Quiet
          path: /quiet
          models: [{id: quiet-8b, ttft_ms: 30, tokens_per_s: 800, usage: false}]
      """;

  private static SimulatedProviders sim;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "check profile"), 0);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private Path job(String plainModel) throws Exception {
    JudgeCases.write(dir, 3);
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, """
        dataset: cases.jsonl
        task: {template: judge.yaml}
        providers:
          - {name: Plain, base_url: %s, models: [{id: %s}]}
          - {name: Tools, base_url: %s, models: [{id: tools-8b}]}
          - {name: Quiet, base_url: %s, models: [{id: quiet-8b}]}
        """.formatted(sim.baseUrl("Plain"), plainModel, sim.baseUrl("Tools"), sim.baseUrl("Quiet")));
    return job;
  }

  private record Checked(int exit, String out, long requests) {}

  private static Checked check(Path jobFile) throws Exception {
    long before = sim.requestLog().size();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Job job = JobReader.read(jobFile);
    int exit = CheckCommand.check(job, Map.of(), new PrintStream(out, true), 1);
    assertTrue(sim.awaitIdle(5_000));
    return new Checked(exit, out.toString(), sim.requestLog().size() - before);
  }

  private static String line(String text, String start) {
    return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(start + "\n" + text));
  }

  @Test
  void everyModelPassesAndItsRowSaysWhatTheReplyCarried() throws Exception {
    Checked c = check(job("plain-8b"));
    assertEquals(0, c.exit(), c.out());
    assertEquals(3, c.requests(), "one chat request per model");
    assertTrue(c.out().startsWith("check: sending 3 chat requests, 1 per model (3 models, 3 providers): the job's first case"), c.out());
    assertTrue(line(c.out(), "Plain ").matches("Plain\\s+plain-8b\\s+yes\\s+yes\\s+yes\\s+yes\\s+yes\\s+yes\\s+content\\s+\\d+ ms\\s+\\d+ ms"),
        line(c.out(), "Plain "));
    assertTrue(line(c.out(), "Tools ").contains(" tool_calls, reasoning "), line(c.out(), "Tools "));
    assertTrue(line(c.out(), "Quiet ").matches("Quiet\\s+quiet-8b\\s+yes\\s+yes\\s+yes\\s+yes\\s+yes\\s+NO\\s+content.*"),
        line(c.out(), "Quiet "));
    assertTrue(c.out().contains("Quiet / quiet-8b: ok\n  rate-limit headers: "), c.out());
    assertTrue(c.out().contains("  note: no usage in the stream although stream_options.include_usage was sent"), c.out());
    assertTrue(c.out().contains("\ncheck passed: every model answered as the run needs\n"), c.out());
    assertTrue(c.out().endsWith("measured tokens and latency of 3 models saved to " + dir.resolve("job.check.json")
        + ": validate and run estimate from them\n"), c.out());
    List<CheckMeasurement> saved = CheckFile.read(dir.resolve("job.check.json"));
    assertEquals(List.of("Plain/plain-8b/true", "Tools/tools-8b/true", "Quiet/quiet-8b/false"),
        saved.stream().map(m -> m.provider() + "/" + m.model() + "/" + m.serverUsage()).toList());
    assertEquals(sim.baseUrl("Plain"), saved.get(0).baseUrl());
  }

  @Test
  void aModelTheProviderDoesNotServeFailsWithTheListAndExitThree() throws Exception {
    Checked c = check(job("plain-70b"));
    assertEquals(Main.EXIT_CHECK_FAILED, c.exit(), c.out());
    assertEquals(3, c.requests(), "chat requests; GET /models is not a chat request");
    assertTrue(c.out().contains("Plain / plain-70b: FAILED: 404: model id `plain-70b` not served here; the provider"
        + " lists: plain-8b\n"), c.out());
    assertTrue(c.out().contains("\ncheck FAILED for 1 of 3 models: fix the above, then check again\n"), c.out());
    assertTrue(c.out().endsWith("measured tokens and latency of 2 models saved to " + dir.resolve("job.check.json")
        + ": validate and run estimate from them\n"), "the failed model measured nothing: " + c.out());
  }

  @Test
  void badInputIsExitTwoAndSendsNothing() throws Exception {
    Path job = job("plain-8b");
    Files.writeString(job, Files.readString(job).replace("task: {template: judge.yaml}", "task: {template: missing.yaml}"));
    long before = sim.requestLog().size();
    assertEquals(Main.EXIT_BAD_INPUT, Main.execute("check", job.toString()));
    assertEquals(before, sim.requestLog().size());
  }
}
