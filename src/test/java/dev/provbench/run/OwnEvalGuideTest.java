package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provbench.SparkTestSession;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Benchmark your own use case" as a user would run it: the shipped CSV and job, unchanged but for the
 * providers' URLs, against two OpenAI-compatible servers on 127.0.0.1 that know the CSV's answers. One answers with
 * the answer alone, the other in a sentence, so the two scorers tell them apart as the guide says.
 */
class OwnEvalGuideTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** Answers each question of the CSV, written as {@code style} makes of the expected answer. */
  private static final class Answers extends Dispatcher {
    private final Map<String, String> byQuestion;
    private final UnaryOperator<String> style;

    Answers(Map<String, String> byQuestion, UnaryOperator<String> style) {
      this.byQuestion = byQuestion;
      this.style = style;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      try {
        JsonNode body = JSON.readTree(request.getBody().utf8());
        String question = body.path("messages").path(1).path("content").asText();
        String answer = byQuestion.get(question);
        if (answer == null) return new MockResponse.Builder().code(400).body("{\"error\": {\"message\": \"unknown question\"}}").build();
        ObjectNode reply = JSON.createObjectNode().put("id", "r").put("model", body.path("model").asText());
        reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
            .putObject("message").put("role", "assistant").put("content", style.apply(answer));
        reply.putObject("usage").put("prompt_tokens", 30).put("completion_tokens", 4).put("total_tokens", 34);
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(reply.toString()).build();
      } catch (IOException e) {
        return new MockResponse.Builder().code(400).body("not JSON").build();
      }
    }
  }

  @Test
  void theGuidesJobRunsAndItsScorersTellTheProvidersApart() throws Exception {
    Map<String, String> answers = new HashMap<>();
    Job shipped = JobReader.read(Path.of("jobs/own-eval.yaml"));
    for (var c : PreparedRun.prepare(shipped, Map.of("FIREWORKS_API_KEY", "k1", "TOGETHER_API_KEY", "k2")).cases()) {
      answers.put(c.vars().get("question"), CellRunner.expectedText(c));
    }
    assertEquals(12, answers.size());
    try (MockWebServer exact = new MockWebServer(); MockWebServer wordy = new MockWebServer()) {
      exact.setDispatcher(new Answers(answers, a -> a));
      wordy.setDispatcher(new Answers(answers, a -> "The answer is " + a.toLowerCase(Locale.ROOT) + "."));
      exact.start(InetAddress.getByName("127.0.0.1"), 0);
      wordy.start(InetAddress.getByName("127.0.0.1"), 0);
      String yaml = Files.readString(Path.of("jobs/own-eval.yaml"))
          .replace("https://api.fireworks.ai/inference/v1", exact.url("/v1").toString().replaceAll("/$", ""))
          .replace("https://api.together.xyz/v1", wordy.url("/v1").toString().replaceAll("/$", ""))
          .replace("../data/examples/questions.csv", Path.of("data/examples/questions.csv").toAbsolutePath().toString())
          .replace("output: ../results", "output: results\nrun_id: guide")
          // Executors read keys from their own environment, which a test cannot set; these servers need none.
          .replaceAll("(?m)^ *api_key_env: .*\n", "");
      Path jobFile = dir.resolve("own-eval.yaml");
      Files.writeString(jobFile, yaml);
      Job job = JobReader.read(jobFile);
      BenchmarkRun.execute(SparkTestSession.get(), PreparedRun.prepare(job, Map.of()),
          new PrintStream(OutputStream.nullOutputStream()), 0);

      List<Row> rows = SparkTestSession.get().read().parquet(job.output().toString()).collectAsList();
      assertEquals(12 * 3 * 2, rows.size());
      Map<String, double[]> byProvider = new TreeMap<>();
      for (Row r : rows) {
        assertEquals("ok", r.<String>getAs("status"));
        double[] sums = byProvider.computeIfAbsent(r.getAs("provider"), k -> new double[3]);
        List<Row> scores = r.getList(r.fieldIndex("scores"));
        assertEquals(List.of("ExactMatch", "Levenshtein"), scores.stream().map(s -> s.<String>getAs("scorer")).toList());
        sums[0] += scores.get(0).<Double>getAs("score");
        sums[1] += scores.get(1).<Double>getAs("score");
        sums[2]++;
      }
      double[] f = byProvider.get("Fireworks");
      double[] t = byProvider.get("Together");
      assertEquals(1.0, f[0] / f[2], 1e-9, "the exact answers match");
      assertEquals(1.0, f[1] / f[2], 1e-9);
      assertEquals(0.0, t[0] / t[2], 1e-9, "a sentence is not the answer alone");
      double lev = t[1] / t[2];
      assertTrue(lev > 0.05 && lev < 0.6, "a sentence holding the answer is partly similar, got " + lev);
    }
  }
}
