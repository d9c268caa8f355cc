package dev.provbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes tell a script what happened: 0 done, 2 bad input (nothing sent), 3 the run failed. */
@Slow("a failing run in a child JVM, to read its exit code")
class ExitCodeTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();

  @TempDir
  Path dir;

  private final StringBuilder doc = new StringBuilder(DocSection.row("situation", "command", "exit code", "requests sent",
      "stderr shows")).append(DocSection.row("---", "---", "---:", "---:", "---"));

  @Test
  void badInputAndRunFailuresHaveDistinctExitCodes() throws Exception {
    server.setDispatcher(new ScriptedProvider(Map.of("m-8b", List.of(Reply.ok()))));
    Path job = FaultJob.write(dir.resolve("job"), "r1", server.url("/v1").toString().replaceAll("/$", ""), false,
        List.of("m-8b"), null, 2, 2);
    Path badJob = Files.writeString(dir.resolve("job/bad.yaml"), Files.readString(job).replace("trials: 1", "trials: 0"));

    inProcess("a valid job", 0, "", "validate", job.toString());
    inProcess("a bad job file", Main.EXIT_BAD_INPUT, "error: ", "run", badJob.toString());
    inProcess("an unknown option", Main.EXIT_BAD_INPUT, "Unknown option: '--colour'", "run", job.toString(), "--colour");
    inProcess("a results folder that does not exist", Main.EXIT_BAD_INPUT, "error: ", "summary",
        dir.resolve("nowhere").toString(), "--run", "r1");
    ChildJvm.Result failed = ChildJvm.run(dir.resolve("child"), Map.of(), List.of("-Dspark.master=nowhere://x"),
        Main.class.getName(), "run", job.toString(), "--progress-seconds", "0");
    assertEquals(Main.EXIT_RUN_FAILED, failed.exitCode(), failed.stderr());
    assertTrue(failed.stderr().contains("run failed: "), failed.stderr());
    assertEquals(0, server.getRequestCount());
    doc.append(DocSection.row("Spark cannot start (`-Dspark.master=nowhere://x`)", "`run`", failed.exitCode(), 0, "`run failed: `"));
    DocSection.check("exit-codes", doc.toString());
  }

  private void inProcess(String situation, int expected, String stderrStart, String... args) {
    CliRun run = CliRun.of(args);
    int code = run.exitCode();
    String shown = run.stderr();
    assertEquals(expected, code, situation + ": " + shown);
    assertTrue(shown.startsWith(stderrStart), situation + ": " + shown);
    assertEquals(0, server.getRequestCount(), situation);
    doc.append(DocSection.row(situation, "`" + args[0] + "`", code, 0, stderrStart.isEmpty() ? "(nothing)" : "`" + stderrStart + "`"));
  }
}
