package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.results.ResultsFolder;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A retried Spark task, a resumed run and a re-run of failed cells each leave every cell exactly once. */
@Slow("fails and retries Spark tasks mid-run")
class ExactlyOnceTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @StartStop
  private final MockWebServer server = new MockWebServer();

  @TempDir
  Path dir;

  /** Answers every call; fails the first call of each case "c3" with a 400 while {@code failC3} is set. */
  static final class CountingDispatcher extends Dispatcher {
    final AtomicInteger requests = new AtomicInteger();
    volatile boolean failC3;

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      requests.incrementAndGet();
      Thread.sleep(20);
      if (failC3 && request.getBody().utf8().contains("question c3")) {
        return new MockResponse.Builder().code(400).body("{\"error\": {\"message\": \"bad request\"}}").build();
      }
      return new MockResponse.Builder().body("{\"choices\": [{\"message\": {\"content\": "
          + "\"<function=select_choice>{\\\"reasons\\\": \\\"r\\\", \\\"choice\\\": \\\"C\\\"}</function>\"}}],"
          + " \"usage\": {\"prompt_tokens\": 10, \"completion_tokens\": 5}}").build();
    }
  }

  private Job job(String runId) throws Exception {
    StringBuilder cases = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      cases.append("{\"id\": \"c").append(i).append("\", \"input\": {\"input\": \"question c").append(i)
          .append("\", \"output\": \"a\", \"expected\": \"a\"}, \"expected\": 1}\n");
    }
    Files.writeString(dir.resolve("cases.jsonl"), cases);
    Files.writeString(dir.resolve("judge.yaml"), "prompt: \"{{input}} {{output}} {{expected}}\"\nchoice_scores: {C: 1, D: 0}\n");
    Files.writeString(dir.resolve("job.yaml"), """
        run_id: %s
        dataset: cases.jsonl
        output: results
        task: {template: judge.yaml, stream: false}
        trials: 3
        concurrency: 2
        commit: {every_cells: 2}
        providers:
          - name: P
            base_url: http://127.0.0.1:%d/v1
            models: [{id: m1}, {id: m2}]
        """.formatted(runId, server.getPort()));
    return JobReader.read(dir.resolve("job.yaml"));
  }

  private static long rows(SparkSession spark, Job job) {
    return spark.read().parquet(job.output().toString()).where("run_id = '" + job.runId() + "'").count();
  }

  private static long distinctCells(SparkSession spark, Job job) {
    return spark.read().parquet(job.output().toString()).where("run_id = '" + job.runId() + "'")
        .select("cell_id").distinct().count();
  }

  @Test
  void aRetriedTaskSkipsWhatItsFirstAttemptCommitted() throws Exception {
    CountingDispatcher counter = new CountingDispatcher();
    server.setDispatcher(counter);
    Job job = job("retry");
    SparkSession spark = SparkTestSession.get();
    spark.sparkContext().setLocalProperty(CellPartition.FAIL_FIRST_ATTEMPT_AFTER, "7");
    try {
      BenchmarkRun.execute(spark, PreparedRun.prepare(job, Map.of()), QUIET, 0);
    } finally {
      spark.sparkContext().setLocalProperty(CellPartition.FAIL_FIRST_ATTEMPT_AFTER, null);
    }
    assertEquals(60, rows(spark, job));
    assertEquals(60, distinctCells(spark, job));
    try (Stream<Path> files = Files.list(ResultsFolder.runDir(job.output(), "retry").localPath())) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().contains("-a1-")), "the second attempts wrote files");
    }
    // Each first attempt committed its 7 finished cells; only calls in flight at the failure (at most 2) ran twice.
    int repeated = counter.requests.get() - 60;
    assertTrue(repeated >= 0 && repeated <= 2 * 2, "calls made twice: " + repeated);
  }

  @Test
  void resumeRunsOnlyMissingCellsAndRetryFailedReplacesFailedRows() throws Exception {
    CountingDispatcher counter = new CountingDispatcher();
    counter.failC3 = true;
    server.setDispatcher(counter);
    Job job = job("resume");
    SparkSession spark = SparkTestSession.get();
    BenchmarkRun.execute(spark, PreparedRun.prepare(job, Map.of()), QUIET, 0);
    assertEquals(60, rows(spark, job));
    assertEquals(6, spark.read().parquet(job.output().toString()).where("status = 'http_error'").count());

    // Lose a third of the rows, as a kill before their commit would.
    Path runDir = ResultsFolder.runDir(job.output(), "resume").localPath();
    try (Stream<Path> files = Files.list(runDir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("part-p0000[01]-.*-a0-c0000[0-3]\\.parquet")).toList()) {
        Files.delete(f);
      }
    }
    long kept = rows(spark, job);
    assertEquals(44, kept);
    counter.requests.set(0);
    BenchmarkRun.execute(spark, PreparedRun.prepare(job, Map.of(), new PreparedRun.Resume(false)), QUIET, 0);
    assertEquals(60 - kept, counter.requests.get(), "only the missing cells were called");
    assertEquals(60, rows(spark, job));
    assertEquals(60, distinctCells(spark, job));

    counter.failC3 = false;
    counter.requests.set(0);
    long failedBefore = spark.read().parquet(job.output().toString()).where("run_id = 'resume' AND status <> 'ok'").count();
    BenchmarkRun.execute(spark, PreparedRun.prepare(job, Map.of(), new PreparedRun.Resume(true)), QUIET, 0);
    assertEquals(failedBefore, counter.requests.get(), "only the failed cells were called again");
    assertEquals(60, rows(spark, job));
    assertEquals(60, distinctCells(spark, job));
    assertEquals(0, spark.read().parquet(job.output().toString()).where("run_id = 'resume' AND status <> 'ok'").count());
    assertTrue(Files.isDirectory(job.output().localPath().resolve("_superseded")), "the failed rows were kept aside");
  }
}
