package dev.provbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.job.Timeouts;
import dev.provbench.provider.AttemptResult;
import dev.provbench.provider.ChatCompletionClient;
import dev.provbench.provider.ChatRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recognisable fake key goes through a whole run, in a child JVM as a user would run it (key in the
 * environment and in {@code spark.executorEnv}, Spark's event log on), through answers and every fault
 * of the matrix, against a server that echoes the Authorization header in its error bodies. The server
 * must see the key; no file the run leaves and neither output stream may hold it.
 */
@Slow("a whole run in a child JVM, whose files and output are searched for the key")
class SecretsCanaryTest {

  @StartStop
  private final MockWebServer server = new MockWebServer();

  @TempDir
  Path dir;

  @Test
  void theKeyIsSentAndNeverWrittenAnywhere() throws Exception {
    DocSection.check("secrets", canary("CANARY_API_KEY"));
  }

  /** The same with a variable whose name Spark's redaction pattern does not match. */
  @Test
  void aKeyVariableOfAnyNameIsRedacted() throws Exception {
    canary("CANARY_KEY");
  }

  /** Runs the canary with the key in {@code keyEnv}; returns the secrets section of docs/RELIABILITY.md. */
  private String canary(String keyEnv) throws Exception {
    String key = "sk-canary-" + HexFormat.of().formatHex(SecureRandom.getSeed(16));
    ScriptedProvider provider = new ScriptedProvider(FaultMatrixTest.MATRIX.stream()
        .collect(Collectors.toMap(Fault::model, Fault::script)));
    server.setDispatcher(provider);
    String baseUrl = server.url("/v1").toString().replaceAll("/$", "");
    Path whole = job(baseUrl, false, keyEnv);
    Path streamed = job(baseUrl, true, keyEnv);
    Path events = Files.createDirectories(dir.resolve("events"));

    ChildJvm.Result run = ChildJvm.run(dir.resolve("child"), Map.of(keyEnv, key), List.of(
        "-Dspark.eventLog.enabled=true", "-Dspark.eventLog.dir=" + events.toUri(),
        "-Dspark.executorEnv." + keyEnv + "=" + key,
        "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")), "-Dspark.local.dir=" + dir.resolve("tmp")),
        RunJobs.class.getName(), whole.toString(), streamed.toString());

    assertEquals(0, run.exitCode(), "exit code; stderr:\n" + run.stderr());
    assertEquals(List.of("Bearer " + key), List.copyOf(provider.authorizations), "the server saw the key on every request");
    int cells = FaultMatrixTest.MATRIX.size() * FaultMatrixTest.CASES;
    SparkSession spark = SparkTestSession.get();
    List<String> rows = Stream.of(whole, streamed)
        .flatMap(j -> spark.read().parquet(j.resolveSibling("results").toString()).toJSON().collectAsList().stream()).toList();
    assertEquals(cells, rows.size(), "one row per cell");
    String eventLog = EventLogText.read(events);
    assertTrue(eventLog.contains("\"spark.executorEnv." + keyEnv + "\""), "the event log lists the executor's key setting");

    Map<String, String> searched = new LinkedHashMap<>();
    searched.put("Parquet rows, decoded (" + rows.size() + " rows, every column)", String.join("\n", rows));
    searched.put("Spark event log, decompressed", eventLog);
    searched.put("standard output", run.stdout());
    searched.put("standard error (Spark's log included)", run.stderr());
    StringBuilder doc = new StringBuilder(DocSection.row("searched", "hits of the key")).append(DocSection.row("---", "---:"));
    for (Map.Entry<String, String> e : searched.entrySet()) {
      assertFalse(holdsKey(e.getValue(), key), e.getKey() + " holds the key");
      doc.append(DocSection.row(e.getKey(), 0));
    }
    for (Map.Entry<String, List<Path>> e : filesByKind().entrySet()) {
      for (Path f : e.getValue()) {
        assertFalse(holdsKey(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1), key), f + " holds the key");
      }
      doc.append(DocSection.row(e.getKey(), 0));
    }
    doc.append("\nRequests that carried the key in `Authorization`: ").append(provider.total.get())
        .append(" (every request of ").append(cells).append(" cells).\n");
    return doc.toString();
  }

  /**
   * A server that echoes the key near the end of a long error message: the client cuts the message to 200
   * characters before it removes the key, so a prefix of the key survives the cut.
   */
  @Test
  void aKeyCutByTheErrorSnippetLeavesNoPrefix() {
    String key = "sk-canary-" + HexFormat.of().formatHex(SecureRandom.getSeed(16));
    server.enqueue(new MockResponse.Builder().code(401)
        .body("{\"error\": {\"message\": \"" + "x".repeat(162) + " Bearer " + key + " was refused\"}}").build());
    ModelSpec model = new ModelSpec("m", "8b", null, null, 1, null);
    ProviderSpec p = new ProviderSpec("P", server.url("/v1").toString().replaceAll("/$", ""), "K", Map.of(), List.of(model));
    AttemptResult r = new ChatCompletionClient(p, model, Timeouts.DEFAULTS, key).send(new ChatRequest("m", "s", "u", 0, 9, false));
    assertFalse(holdsKey(r.error(), key), r.error());
  }

  /** The whole key, its random part, or the first 12 characters of that part (a key cut short). */
  static boolean holdsKey(String text, String key) {
    String random = key.substring("sk-canary-".length());
    return text.contains(key) || text.contains(random) || text.contains(random.substring(0, 12));
  }

  private Path job(String baseUrl, boolean stream, String keyEnv) throws IOException {
    String runId = stream ? "streamed" : "whole";
    List<String> models = FaultMatrixTest.MATRIX.stream().filter(f -> f.stream() == stream).map(Fault::model).toList();
    return FaultJob.write(dir.resolve("jobs").resolve(runId), runId, baseUrl, stream, models, keyEnv, FaultMatrixTest.CASES, 2);
  }

  /** Every file left under the test's folder, by kind, as named in docs/RELIABILITY.md. */
  private Map<String, List<Path>> filesByKind() throws IOException {
    Map<String, List<Path>> kinds = new LinkedHashMap<>();
    for (String kind : List.of("Parquet files, raw bytes", "Spark event log, raw bytes", "captured output files",
        "job files, markers and Spark scratch files")) {
      kinds.put(kind, new ArrayList<>());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        String kind = name.endsWith(".parquet") ? "Parquet files, raw bytes"
            : f.startsWith(dir.resolve("events")) ? "Spark event log, raw bytes"
            : name.startsWith("child.") ? "captured output files" : "job files, markers and Spark scratch files";
        kinds.get(kind).add(f);
      }
    }
    kinds.forEach((kind, list) -> assertFalse(list.isEmpty(), "no " + kind + " to search"));
    return kinds;
  }
}
