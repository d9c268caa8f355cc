package dev.provbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.SparkTestSession;
import dev.provbench.job.JobReader;
import dev.provbench.run.BenchmarkRun;
import dev.provbench.run.PreparedRun;
import dev.provbench.sim.Outcome;
import dev.provbench.sim.RequestRecord;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated providers' faults (src/test/resources/reliability/sim-faults.yaml), each at rate 1.0 and
 * mixed, run through Spark with streaming on, 8 cases, 4 calls in flight per model: every cell is one row, and the attempt logs of a model's rows
 * are exactly the requests the simulator served, fault for fault.
 */
class SimulatedFaultsTest {
  static final int CASES = 8;

  /** One line per simulated model: the profile field at work and each cell's expected status and attempt log. */
  static final List<SimFault> MATRIX = List.of(
      new SimFault("always-429", "rate_429: 1.0", "http_error", "http_error:429 http_error:429 http_error:429"),
      new SimFault("always-5xx", "rate_5xx: 1.0", "http_error", null),
      new SimFault("always-truncated", "rate_truncate: 1.0", "transport_error", "transport_error transport_error transport_error"),
      new SimFault("always-hangs", "rate_hang: 1.0", "timeout", "timeout timeout timeout"),
      new SimFault("always-malformed", "rate_malformed: 1.0", "parse_error", "ok:200"),
      new SimFault("mix", "429 0.2, 5xx 0.2, hang 0.05, truncate 0.1, malformed 0.1", null, null));

  /** @param status and log: what every cell must show, or null when they vary from cell to cell. */
  record SimFault(String model, String profile, String status, String log) {}

  @TempDir
  Path dir;

  @Test
  void everySimulatedFaultIsOneRowPerCellAndEveryServedRequestIsInAnAttemptLog() throws Exception {
    SimProfile profile = SimProfile.load(Path.of("src/test/resources/reliability/sim-faults.yaml"));
    SparkSession spark = SparkTestSession.get();
    List<Row> rows;
    List<RequestRecord> served;
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      List<String> models = MATRIX.stream().map(SimFault::model).toList();
      Path job = FaultJob.write(dir, "sim", sim.baseUrl("Sim"), true, models, null, CASES, 4);
      PreparedRun run = PreparedRun.prepare(JobReader.read(job), Map.of());
      BenchmarkRun.execute(spark, run, new PrintStream(new ByteArrayOutputStream(), true), 0);
      rows = spark.read().parquet(run.job().output().toString()).collectAsList();
      assertEquals(run.totalCells(), rows.size(), "one row per cell");
      served = servedRequests(sim, rows.stream().mapToInt(r -> r.<Integer>getAs("attempts")).sum());
    }

    StringBuilder doc = new StringBuilder(DocSection.row("simulated model", "profile", "cells", "faults injected", "requests",
        "retries", "cells lost", "duplicated", "statuses"));
    doc.append(DocSection.row("---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---"));
    Map<String, List<Row>> byModel = rows.stream().collect(Collectors.groupingBy(r -> r.getAs("model")));
    for (SimFault f : MATRIX) {
      List<Row> cells = byModel.getOrDefault(f.model(), List.of());
      List<RequestRecord> requests = served.stream().filter(r -> f.model().equals(r.model())).toList();
      long distinct = cells.stream().map(r -> r.<String>getAs("cell_id")).distinct().count();
      assertEquals(CASES, distinct, f.model() + ": cells with a row");
      assertEquals(CASES, cells.size(), f.model() + ": rows");
      for (Row r : cells) {
        CellRows.assertConsistent(r);
        if (f.status() != null) assertEquals(f.status(), r.getAs("status"), f.model() + ": status; " + r.getAs("error"));
        if (f.log() != null) assertEquals(f.log(), CellRows.signature(r), f.model() + ": attempt log");
      }
      assertEquals(counts(requests, SimulatedFaultsTest::asAttempt), counts(attempts(cells), Function.identity()),
          f.model() + ": the attempt logs tell exactly what the simulator served");
      int sent = requests.size();
      long faults = requests.stream().filter(r -> r.outcome() != Outcome.OK).count();
      String statuses = counts(cells, r -> r.<String>getAs("status")).entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
      doc.append(DocSection.row(f.model(), f.profile(), CASES, faults, sent, sent - CASES, CASES - distinct,
          cells.size() - distinct, statuses));
    }
    DocSection.check("sim-faults", doc.toString());
  }

  /** The simulator logs a request when it is done with it (a hang after it gives up): wait until it is idle. */
  private static List<RequestRecord> servedRequests(SimulatedProviders sim, int attempts) throws InterruptedException {
    assertTrue(sim.awaitIdle(10_000), "the simulator still handles requests");
    assertEquals(attempts, sim.requestLog().size(), "requests the simulator served, by the attempt logs");
    return sim.requestLog();
  }

  /** How the client must have recorded one request the simulator served. */
  private static String asAttempt(RequestRecord r) {
    return switch (r.outcome()) {
      case OK, MALFORMED -> "ok:200";
      case TRUNCATED -> "transport_error"; // the chunked body breaks off: an I/O error, no status kept
      case HUNG -> "timeout";
      default -> "http_error:" + r.status();
    };
  }

  private static List<String> attempts(List<Row> cells) {
    List<String> out = new ArrayList<>();
    for (Row r : cells) out.addAll(List.of(CellRows.signature(r).split(" ")));
    return out;
  }

  private static <T> Map<String, Long> counts(List<T> items, Function<T, String> key) {
    return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }
}
