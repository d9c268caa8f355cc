package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.CacheTable;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.TurnsTable;
import dev.provbench.analysis.load.LoadOptions;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.input.StoragePath;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.report.RunReport;
import dev.provbench.sim.RequestRecord;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped multi-turn job (jobs/chat.yaml) over its first twelve conversations, against its simulated providers:
 * one row per turn × conversation × trial × deployment, each conversation's turns in order, and the cached tokens
 * in the {@code cache} table equal to what the simulator served, per deployment.
 */
@Slow("a real Spark run of 396 turns against the simulator, and its analysis")
class ConversationSimTest {
  @TempDir
  Path dir;

  @Test
  void rowsTurnOrderAndCachedTokensMatchTheSimulator() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("data/chat/arithmetic.jsonl")).subList(0, 12);
    Files.write(dir.resolve("conversations.jsonl"), lines);
    int turns = lines.stream().mapToInt(l -> l.split("\"user\"").length - 1).sum();
    String profile = Files.readString(Path.of("data/sim/chat-profile.yaml")).replace("time_scale: 1 ", "time_scale: 0.05 ");
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(profile, "chat profile"), 0)) {
      String job = Files.readString(Path.of("jobs/chat.yaml"))
          .replace("../data/chat/arithmetic.jsonl", "conversations.jsonl").replace("../results", "results")
          .replace("name: chat\n", "name: chat\nrun_id: chat\n");
      for (Map.Entry<String, String> p : sim.baseUrls().entrySet()) {
        job = job.replace("http://127.0.0.1:8765" + p.getValue().replaceAll("^http://[^/]+", ""), p.getValue());
      }
      Files.writeString(dir.resolve("chat.yaml"), job);
      Job read = JobReader.read(dir.resolve("chat.yaml"));
      BenchmarkRun.execute(SparkTestSession.get(), PreparedRun.prepare(read, Map.of()),
          new PrintStream(OutputStream.nullOutputStream()), 0);
      assertTrue(sim.awaitIdle(10_000));

      List<Row> rows = SparkTestSession.get().read().parquet(read.output().toString()).where("run_id = 'chat'")
          .orderBy("provider", "case_id", "trial", "turn").collectAsList();
      assertEquals(turns * 2 * 3, rows.size(), "turns x 2 trials x 3 deployments");
      for (int i = 1; i < rows.size(); i++) {
        Row a = rows.get(i - 1);
        Row b = rows.get(i);
        assertEquals(b.<String>getAs("case_id"), b.getAs("conversation_id"));
        if (b.<Integer>getAs("turn") == 1) continue;
        assertEquals(a.<Integer>getAs("turn") + 1, b.<Integer>getAs("turn"), "turns of one trial in a row");
        assertTrue(!b.<Timestamp>getAs("started_at").before(a.getAs("finished_at")), "turn " + b.getAs("turn") + " after the one before");
        assertTrue(b.<Long>getAs("prompt_tokens") > a.<Long>getAs("prompt_tokens"), "each turn resends the conversation");
      }

      Map<String, long[]> served = new HashMap<>();
      for (RequestRecord r : sim.requestLog()) {
        long[] t = served.computeIfAbsent(r.provider(), k -> new long[2]);
        t[0] += r.promptTokens();
        t[1] += r.cachedTokens();
      }
      StoragePath results = read.output();
      Analysis analysis = ResultsAnalyzer.analyze(SparkTestSession.get(), results, List.of("chat"), false,
          AnalysisOptions.defaults(), LoadOptions.defaults());
      AnalysisTable cache = analysis.table(CacheTable.ID);
      int provider = cache.column("provider");
      for (List<Object> row : cache.rows()) {
        long[] t = served.get((String) row.get(provider));
        boolean reports = !row.get(provider).equals("Provider 2");
        assertEquals(reports ? t[0] : null, row.get(cache.column("prompt tokens")), row.toString());
        assertEquals(reports ? t[1] : null, row.get(cache.column("cached tokens")), row.toString());
        if (reports) assertTrue(t[1] > 0.9 * t[0], "the system prompt and earlier turns hit: " + row);
      }
      assertEquals(0, served.get("Provider 2")[1], "no cache at Provider 2");
      AnalysisTable byTurn = analysis.table(TurnsTable.ID);
      assertEquals(turns * 2 * 3, byTurn.rows().stream().mapToLong(r -> (Long) r.get(byTurn.column("cells"))).sum());
      // The report carries each experiment's accuracy per turn for its chart, and the table.
      String page = Files.readString(RunReport.write(SparkTestSession.get(), analysis, LoadOptions.defaults(),
          AnalysisOptions.defaults(), dir.resolve("report")));
      assertTrue(page.contains("\"turns\":[{\"id\":\"provider-1-") && page.contains("id=\"turns\""), "turns in the page");
      assertEquals(byTurn.rows().size(), Pattern.compile("\\{\"id\":\"[^\"]+\",\"provider\":\"[^\"]+\",\"size\":\"70b\",\"turn\":")
          .matcher(page).results().count(), "a point per row of table turns");
      assertTrue(page.contains("\"turn\":3,\"status\""), "the sampled cells name their turn");
    }
  }
}
