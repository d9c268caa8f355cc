package dev.provbench.reliability;

import static dev.provbench.reliability.Fault.streamed;
import static dev.provbench.reliability.Fault.whole;
import static dev.provbench.reliability.Reply.cutInsideEvent;
import static dev.provbench.reliability.Reply.cutStream;
import static dev.provbench.reliability.Reply.emptyChoices;
import static dev.provbench.reliability.Reply.errorEvent;
import static dev.provbench.reliability.Reply.errorObject;
import static dev.provbench.reliability.Reply.hang;
import static dev.provbench.reliability.Reply.htmlPage;
import static dev.provbench.reliability.Reply.invalidJson;
import static dev.provbench.reliability.Reply.malformed;
import static dev.provbench.reliability.Reply.ok;
import static dev.provbench.reliability.Reply.reset;
import static dev.provbench.reliability.Reply.stallMidStream;
import static dev.provbench.reliability.Reply.status;
import static dev.provbench.reliability.Reply.tooManyMillis;
import static dev.provbench.reliability.Reply.tooManySeconds;
import static dev.provbench.reliability.Reply.tooManyUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.SparkTestSession;
import dev.provbench.job.JobReader;
import dev.provbench.run.BenchmarkRun;
import dev.provbench.run.PreparedRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fault a provider can throw at a cell, injected by MockWebServer, run through Spark: each cell ends
 * as exactly one row with the right status, bounded attempts, counted back-off and 429s, and an attempt log
 * that tells what happened. Two cases per fault, 3 attempts at most, back-off 20 ms doubling.
 */
class FaultMatrixTest {
  static final int CASES = 2;

  /** One line per fault: name, final status, attempt log, back-off range per cell (ms), the replies in order. */
  static final List<Fault> MATRIX = List.of(
      whole("no fault", "ok", "ok:200", 0, 0, ok()),
      whole("429, Retry-After: 1 (seconds)", "ok", "http_error:429 ok:200", 1000, 1000, tooManySeconds(1), ok()),
      whole("429, Retry-After: HTTP date 2 s ahead", "ok", "http_error:429 ok:200", 900, 2000, tooManyUntil(2), ok()),
      whole("429, retry-after-ms: 250", "ok", "http_error:429 ok:200", 250, 250, tooManyMillis(250), ok()),
      whole("429 on every attempt", "http_error", "http_error:429 http_error:429 http_error:429", 60, 60, tooManyMillis(30)),
      whole("500, then an answer", "ok", "http_error:500 ok:200", 20, 20, status(500), ok()),
      whole("502, then an answer", "ok", "http_error:502 ok:200", 20, 20, status(502), ok()),
      whole("503, then an answer", "ok", "http_error:503 ok:200", 20, 20, status(503), ok()),
      whole("503 on every attempt", "http_error", "http_error:503 http_error:503 http_error:503", 60, 60, status(503)),
      whole("connection reset, then an answer", "ok", "transport_error ok:200", 20, 20, reset(), ok()),
      whole("connection reset on every attempt", "transport_error", "transport_error transport_error transport_error", 60, 60, reset()),
      whole("server hangs, then an answer", "ok", "timeout ok:200", 20, 20, hang(), ok()),
      whole("server hangs on every attempt", "timeout", "timeout timeout timeout", 60, 60, hang()),
      whole("200 with invalid JSON", "bad_response", "bad_response:200", 0, 0, invalidJson()),
      whole("200 with an HTML error page", "bad_response", "bad_response:200", 0, 0, htmlPage()),
      whole("200 with empty choices", "bad_response", "bad_response:200", 0, 0, emptyChoices()),
      whole("200 with an error object", "bad_response", "bad_response:200", 0, 0, errorObject()),
      whole("200 with a malformed tool call", "parse_error", "ok:200", 0, 0, malformed()),
      whole("400, not retried", "http_error", "http_error:400", 0, 0, status(400)),
      whole("401, not retried", "http_error", "http_error:401", 0, 0, status(401)),
      streamed("no fault", "ok", "ok:200", 0, 0, ok()),
      streamed("stream cut between events, then an answer", "ok", "transport_error:200 ok:200", 20, 20, cutStream(), ok()),
      streamed("stream cut between events on every attempt", "transport_error",
          "transport_error:200 transport_error:200 transport_error:200", 60, 60, cutStream()),
      streamed("stream cut inside an event, then an answer", "ok", "transport_error:200 ok:200", 20, 20, cutInsideEvent(), ok()),
      streamed("stream stalls mid-answer, then an answer", "ok", "timeout ok:200", 20, 20, stallMidStream(), ok()),
      streamed("429 to a stream, then an answer", "ok", "http_error:429 ok:200", 250, 250, tooManyMillis(250), ok()),
      streamed("error event in a 200 stream", "bad_response", "bad_response:200", 0, 0, errorEvent()),
      streamed("200 with an HTML error page", "bad_response", "bad_response:200", 0, 0, htmlPage()),
      streamed("200 with a malformed tool call", "parse_error", "ok:200", 0, 0, malformed()));

  @StartStop
  private final MockWebServer server = new MockWebServer();

  @TempDir
  Path dir;

  @Test
  void everyFaultEndsAsOneRowPerCellWithTheRightStatus() throws Exception {
    ScriptedProvider provider = new ScriptedProvider(MATRIX.stream().collect(Collectors.toMap(Fault::model, Fault::script)));
    server.setDispatcher(provider);
    SparkSession spark = SparkTestSession.get();
    List<Row> rows = new ArrayList<>(run(spark, false));
    rows.addAll(run(spark, true));

    StringBuilder doc = new StringBuilder(DocSection.row("fault", "stream", "cells", "faults injected", "requests", "retries",
        "cells lost", "duplicated", "status", "attempt log of each cell", "back-off per cell"));
    doc.append(DocSection.row("---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---", "---", "---:"));
    Map<String, List<Row>> byModel = rows.stream().collect(Collectors.groupingBy(r -> r.getAs("model")));
    for (Fault f : MATRIX) {
      List<Row> cells = byModel.getOrDefault(f.model(), List.of());
      long distinct = cells.stream().map(r -> r.<String>getAs("cell_id")).distinct().count();
      int sent = cells.stream().mapToInt(r -> r.<Integer>getAs("attempts")).sum();
      assertEquals(CASES, distinct, f.name() + ": cells with a row");
      assertEquals(CASES, cells.size(), f.name() + ": rows");
      assertEquals(provider.requests(f.model()), sent, f.name() + ": every request the server saw is an attempt in a row; server saw "
          + provider.journal.stream().filter(l -> l.contains(f.model() + " ")).toList() + " rows " + cells);
      for (Row r : cells) {
        CellRows.assertConsistent(r);
        String cell = f.name() + " " + r.getAs("case_id") + ": ";
        assertEquals(f.log(), CellRows.signature(r), cell + "attempt log");
        assertEquals(f.status(), r.getAs("status"), cell + "status; error " + r.getAs("error"));
        assertEquals(f.attempts(), (int) r.getAs("attempts"), cell + "attempts");
        assertEquals(f.rateLimited(), (int) r.getAs("rate_limited"), cell + "rate_limited");
        long backoff = r.getAs("backoff_ms");
        assertTrue(backoff >= f.minBackoff() && backoff <= f.maxBackoff(), cell + "backoff_ms " + backoff);
      }
      doc.append(DocSection.row(f.name(), f.stream() ? "yes" : "no", CASES, provider.faults(f.model()), sent,
          sent - CASES, CASES - distinct, cells.size() - distinct, f.shownStatus(), f.log().replace(" ", " → "), f.backoff()));
    }
    assertEquals(provider.total.get(), rows.stream().mapToInt(r -> r.<Integer>getAs("attempts")).sum(),
        "no request outside a row");
    DocSection.check("fault-matrix", doc.toString());
  }

  private List<Row> run(SparkSession spark, boolean stream) throws Exception {
    String runId = stream ? "streamed" : "whole";
    List<String> models = MATRIX.stream().filter(f -> f.stream() == stream).map(Fault::model).toList();
    Path job = FaultJob.write(dir.resolve(runId), runId, server.url("/v1").toString().replaceAll("/$", ""), stream,
        models, null, CASES, 2);
    PreparedRun run = PreparedRun.prepare(JobReader.read(job), Map.of());
    BenchmarkRun.execute(spark, run, new PrintStream(new ByteArrayOutputStream(), true), 0);
    List<Row> rows = spark.read().parquet(run.job().output().toString()).where("run_id = '" + runId + "'").collectAsList();
    assertEquals(run.totalCells(), rows.size(), runId + ": one row per cell");
    return rows;
  }
}
