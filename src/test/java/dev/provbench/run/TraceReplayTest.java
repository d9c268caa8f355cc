package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.CacheFigures;
import dev.provbench.analysis.DriverCells;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.TraceTable;
import dev.provbench.analysis.load.LadderStep;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.dataset.TraceReader;
import dev.provbench.dataset.TraceRow;
import dev.provbench.input.StoragePath;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.results.ResultsViews;
import dev.provbench.sim.RequestRecord;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay of the shipped chat trace's first rows against two simulated deployments with prefix caches, in a real
 * Spark run: one row per trace row and deployment, each prompt exactly the row's input length and each answer its
 * output length as the simulator counted them, sends close to the trace's times at the speed factor, and the
 * {@code trace} table's cached-token share what the simulator's journal served (by both analysis paths).
 */
@Slow("a real Spark run against the simulator at real time (about 8 s of replay)")
class TraceReplayTest {
  private static final Path TRACE = Path.of("data/traces/chat-trace.jsonl").toAbsolutePath();
  private static final int ROWS = 120;
  private static final double SPEED = 2;
  private static final String PROFILE = """
      time_scale: 1
      seed: 5
      providers:
        - name: Fast
          path: /fast
          models: [{id: m-8b, ttft_ms: 30, tokens_per_s: 2000, prefill_tokens_per_s: 50000, prefix_cache: true}]
        - name: Slow
          path: /slow
          models: [{id: m-8b, ttft_ms: 60, tokens_per_s: 1000, prefill_tokens_per_s: 10000, prefix_cache: true}]
      """;

  @TempDir
  Path dir;

  @Test
  void aReplayFollowsTheTraceAndItsCacheShareIsWhatTheServerServed() throws Exception {
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "trace profile"), 0)) {
      Job job = job(sim);
      BenchmarkRun.execute(SparkTestSession.get(), PreparedRun.prepare(job, Map.of()),
          new PrintStream(OutputStream.nullOutputStream()), 0);
      assertTrue(sim.awaitIdle(10_000));
      SparkSession spark = SparkTestSession.get();
      List<Row> cells = spark.read().parquet(job.output().toString()).where("run_id = 'replay'").collectAsList();
      List<TraceRow> trace = TraceReader.read(StoragePath.local(TRACE), 512, ROWS);
      assertEquals(ROWS * 2, cells.size(), "one row per trace row and deployment");

      Map<String, RequestRecord> served = new HashMap<>();
      for (RequestRecord r : sim.requestLog()) served.put(r.responseId(), r);
      Map<String, long[]> journal = new HashMap<>();  // per provider: Σ cached, Σ prompt tokens served
      List<Double> lags = new ArrayList<>();
      for (Row c : cells) {
        TraceRow row = trace.get(Integer.parseInt(c.<String>getAs("case_id").substring(1)));
        String where = c.getAs("provider") + " " + row.caseId();
        assertEquals("ok", c.getAs("status"), where + ": " + c.getAs("error"));
        RequestRecord s = served.get(c.<String>getAs("response_id"));
        assertNotNull(s, where);
        assertEquals(row.inputLength(), s.promptTokens(), where + ": the prompt as the simulator counted it");
        assertEquals(row.outputLength(), s.completionTokens(), where + ": exact_output pads the answer");
        assertEquals((long) s.cachedTokens(), c.<Long>getAs("cached_tokens"), where);
        assertEquals(Math.round((row.timestampMs() - trace.get(0).timestampMs()) / SPEED), c.<Long>getAs("scheduled_ms"), where);
        assertEquals(row.sessionId(), c.getAs("conversation_id"), where);
        journal.computeIfAbsent(c.getAs("provider"), k -> new long[2])[0] += s.cachedTokens();
        journal.get(c.<String>getAs("provider"))[1] += s.promptTokens();
        lags.add(c.getAs("send_lag_ms"));
      }
      assertEquals(1, cells.stream().filter(c -> c.<String>getAs("case_id").equals("t000000")).findFirst().orElseThrow()
          .<Integer>getAs("turn"));
      Collections.sort(lags);
      assertTrue(lags.get(0) >= 0, "no row is sent before it is due: " + lags.get(0));
      assertTrue(lags.get(lags.size() / 2) < 5, "median send lag under 5 ms: " + lags);

      ResultsViews.register(spark, job.output().toString());
      List<TraceTable.Replay> bySql = TraceTable.load(spark, "replay");
      assertEquals(2, bySql.size());
      List<CacheFigures> cache = CacheFigures.byExperiment(spark, "replay", LadderStep.NONE);
      for (TraceTable.Replay r : bySql) {
        long[] j = journal.get(r.experiment().provider());
        assertTrue(j[0] > 0, r.experiment().provider() + " served cached tokens");
        CacheFigures figures = cache.stream().filter(f -> f.experiment().equals(r.experiment())).findFirst().orElseThrow();
        assertEquals((double) j[0] / j[1], figures.cachedShare(), 1e-12, r.experiment().provider());
        assertEquals(ROWS, r.rows());
        assertEquals(trace.size() - 1, r.traceRate() * (trace.get(ROWS - 1).timestampMs() - trace.get(0).timestampMs())
            / SPEED / 1000, 0.1, "the trace rate from the whole-ms due times");
      }
      assertEquals(table(spark, true), table(spark, false), "the driver path and Spark SQL give the same table");
      // Rescoring finds the rows again from the trace itself: synthesized prompts need no dataset.
      Rescorer.Rescored again = Rescorer.rescore(spark, job.output(), "replay", "replay-again", job);
      assertEquals(ROWS * 2, again.cells());
      assertEquals(0, again.changed());
    }
  }

  /** The {@code trace} table's values, analysed on the driver or by Spark SQL. */
  private List<List<Object>> table(SparkSession spark, boolean onDriver) {
    try {
      if (!onDriver) spark.conf().set(DriverCells.LIMIT_CONF, "0");
      AnalysisTable t = ResultsAnalyzer.analyze(spark, StoragePath.local(dir.resolve("results")), List.of("replay"), true,
          AnalysisOptions.defaults()).table(TraceTable.ID);
      return t.rows();
    } finally {
      spark.conf().unset(DriverCells.LIMIT_CONF);
    }
  }

  private Job job(SimulatedProviders sim) throws Exception {
    Path file = dir.resolve("replay.yaml");
    Files.writeString(file, """
        run_id: replay
        output: results
        trace: {file: %s, speed: %s, limit: %d, exact_output: true}
        task: {type: chat, stream: true, messages: [{role: user, content: '{{prompt}}'}]}
        scorers: [NonNull]
        concurrency: 32
        providers:
          - {name: Fast, base_url: %s, models: [{id: m-8b}]}
          - {name: Slow, base_url: %s, models: [{id: m-8b}]}
        """.formatted(TRACE, SPEED, ROWS, sim.baseUrl("Fast"), sim.baseUrl("Slow")));
    return JobReader.read(file);
  }
}
