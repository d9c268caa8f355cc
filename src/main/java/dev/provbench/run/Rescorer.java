package dev.provbench.run;

import dev.provbench.dataset.DatasetReader;
import dev.provbench.dataset.EvalCase;
import dev.provbench.input.BadInputException;
import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import dev.provbench.job.CommitPolicy;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.job.ProviderSpec;
import dev.provbench.job.RetryPolicy;
import dev.provbench.job.Timeouts;
import dev.provbench.results.CellStatus;
import dev.provbench.results.ResultSchema;
import dev.provbench.results.ResultsFolder;
import dev.provbench.results.ResultsViews;
import dev.provbench.results.SimulatedRuns;
import dev.provbench.score.ScorerCatalog;
import dev.provbench.task.ChatTask;
import dev.provbench.task.Conversation;
import dev.provbench.task.JudgeTemplate;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Re-parses and re-scores a run's stored raw responses with a job's current task (template or chat task: extractor
 * and scorers) and scorers, and
 * writes them as a new run (same schema, same cell ids) beside the original, which is never touched. Pure
 * functions of stored text: no provider is called, except an {@code LLMJudge} scorer's judge when asked to
 * ({@code judgeAgain}); otherwise its stored scores and {@code judge_calls} are kept as they were (a judge the original
 * run did not have scores null, "not judged"). Cells that got no answer keep their status and score 0.
 */
public final class Rescorer {
  private Rescorer() {}

  /**
   * @param newRunId the new run's id; null for {@code <runId>-rescored-<n>}, the first n not taken.
   * @return what was written.
   */
  public static Rescored rescore(SparkSession spark, StoragePath results, String runId, String newRunId, Job job) {
    return rescore(spark, results, runId, newRunId, job, false);
  }

  /**
   * @param judgeAgain ask each {@code LLMJudge} scorer's model again about every cell with an output. The rows are
   *                   then spread over as many partitions as the smallest judge {@code concurrency}, each judging one
   *                   cell at a time, so no judge has more calls in flight than its bound, locally or on a cluster.
   */
  public static Rescored rescore(SparkSession spark, StoragePath results, String runId, String newRunId, Job job,
      boolean judgeAgain) {
    String target = newRunId != null ? newRunId : ResultsFolder.nextFreeRunId(results, runId + "-rescored");
    JobReader.checkRunId("--run-id", target);
    if (Storage.exists(ResultsFolder.runDir(results, target))) {
      throw new BadInputException(ResultsFolder.runDir(results, target).toString(), "run `" + target + "` already exists",
          "choose another id with --run-id");
    }
    ResultsViews.register(spark, results.toString());
    Column[] columns = Arrays.stream(ResultSchema.SCHEMA.fieldNames()).map(functions::col).toArray(Column[]::new);
    Dataset<Row> cells = spark.table("cells").where(functions.col("run_id").equalTo(runId)).select(columns);
    if (cells.isEmpty()) {
      throw new BadInputException(results.toString(), "has no run `" + runId + "`", "pass --run with a run id it holds");
    }
    RescoreCell rescore = job.task().isChat()
        ? new RescoreCell(null, job.scorers(), job.task().chat(), casesById(job), target)
        : new RescoreCell(JudgeTemplate.load(job.task().template()), job.scorers(), null, Map.of(), target);
    OptionalInt judges = job.task().isChat() ? job.task().chat().scorers().stream().filter(ScorerCatalog::callsModel)
        .mapToInt(s -> ScorerCatalog.cachedJudge(s).concurrency()).min() : OptionalInt.empty();
    if (judgeAgain && judges.isPresent()) {
      rescore = rescore.judgingAgain(job.providers(), job.timeouts(), job.retry());
      cells = cells.repartition(judges.getAsInt());
    }
    Dataset<Row> rescored = cells.map(rescore, Encoders.row(ResultSchema.SCHEMA));
    write(spark, rescored, ResultsFolder.runDir(results, target), job.commit());
    ResultsFolder.copyRunMarker(results, SimulatedRuns.RUN_MARKER, runId, target);
    ResultsViews.register(spark, results.toString());
    Row counts = spark.sql("""
        SELECT count(*), count_if(NOT (a.correct_score <=> b.correct_score))
        FROM cells a JOIN cells b ON a.cell_id = b.cell_id
        WHERE a.run_id = :a AND b.run_id = :b""", Map.of("a", runId, "b", target)).first();
    return new Rescored(runId, target, counts.getLong(0), counts.getLong(1));
  }

  /** Each partition commits its rows through the run's own {@link ChunkWriter}: the same files a run writes. */
  private static void write(SparkSession spark, Dataset<Row> rows, StoragePath runDir, CommitPolicy commit) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> hadoop = jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration()));
    String dir = runDir.toUri().toString();
    int everyCells = commit.everyCells();
    long everyMs = commit.everySeconds() * 1000L;
    rows.javaRDD().foreachPartition(it -> {
      TaskContext context = TaskContext.get();
      String prefix = String.format("part-r%05d-a%d", context.partitionId(), context.attemptNumber());
      try (ChunkWriter writer = new ChunkWriter(new Path(dir), prefix, hadoop.value().value(),
          everyCells, everyMs)) {
        while (it.hasNext()) writer.add(it.next());
      }
    });
    hadoop.destroy();
  }

  /**
   * What a rescore wrote.
   *
   * @param runId   the original run.
   * @param newRunId the rescored run.
   * @param cells   cells rescored (the latest attempt of each).
   * @param changed cells whose CorrectScore changed.
   */
  public record Rescored(String runId, String newRunId, long cells, long changed) {}

  /** A chat task's scorers read the case (its input fields, its expected value): the job's dataset, by case id. */
  private static Map<String, EvalCase> casesById(Job job) {
    Map<String, EvalCase> out = new LinkedHashMap<>();
    // A trace replay's cases are its rows (synthesized prompts need no dataset).
    List<EvalCase> cases = job.trace() != null ? TraceCases.read(job).cases() : DatasetReader.readAny(job.dataset());
    for (EvalCase c : cases) out.put(c.id(), c);
    return out;
  }

  /**
   * One cell re-read and re-judged by the same {@link Verdict} as a run; ships the template's text, not a compiled one.
   * A chat task's cell whose case is no longer in the dataset keeps its row as it was.
   */
  static final class RescoreCell implements MapFunction<Row, Row> {
    /** Required columns that rows of an older results format lack. */
    private static final Map<String, Object> OLDER_FORMAT_DEFAULTS = Map.of("reconnects", 0, "cache_bust", false);

    private final JudgeTemplate template;
    private final List<String> scorers;
    private final ChatTask chat;
    private final Map<String, EvalCase> cases;
    private final String runId;
    /** Set to ask the judges again: where they are and how to call them; else null (the stored verdicts are kept). */
    private final JudgeAgain again;
    private transient JudgeCallers callers;

    /** What asking the judges again needs, shipped to executors. */
    private record JudgeAgain(List<ProviderSpec> providers, Timeouts timeouts, RetryPolicy retry) implements Serializable {}

    /**
     * @param template the factuality judge's template, or null for a chat task.
     * @param chat     the chat task, or null.
     * @param cases    a chat task's cases by id; empty for the factuality judge.
     */
    RescoreCell(JudgeTemplate template, List<String> scorers, ChatTask chat, Map<String, EvalCase> cases, String runId) {
      this(template, scorers, chat, cases, runId, null);
    }

    private RescoreCell(JudgeTemplate template, List<String> scorers, ChatTask chat, Map<String, EvalCase> cases,
        String runId, JudgeAgain again) {
      this.template = template;
      this.scorers = List.copyOf(scorers);
      this.chat = chat;
      this.cases = new LinkedHashMap<>(cases);
      this.runId = runId;
      this.again = again;
    }

    /** The same rescore, asking the LLM judges again. */
    RescoreCell judgingAgain(List<ProviderSpec> providers, Timeouts timeouts, RetryPolicy retry) {
      return new RescoreCell(template, scorers, chat, cases, runId, new JudgeAgain(List.copyOf(providers), timeouts, retry));
    }

    /** The judges of this cell: asked again (built once per task), or the row's stored verdicts. */
    private CellJudges judges(Row cell) {
      if (again == null) return StoredJudges.of(cell);
      if (callers == null) {
        callers = new JudgeCallers(chat.scorers(), runId, again.providers(), again.timeouts(), again.retry(),
            judge -> judge.concurrency());
      }
      return callers;
    }

    @Override
    public Row call(Row cell) {
      Map<String, Object> v = new LinkedHashMap<>();
      for (String name : ResultSchema.SCHEMA.fieldNames()) v.put(name, cell.getAs(name));
      CellStatus ended = CellStatus.of(cell.getAs("status"));
      EvalCase c = chat == null ? null : cases.get(cell.<String>getAs("case_id"));
      Integer turn = cell.getAs("turn");
      if (c != null && turn != null && chat.isConversation()) {
        Conversation conversation = Conversation.parse(c.input(), c.where());
        c = turn <= conversation.turns().size() ? ConversationRunner.turnCase(c, conversation.turns().get(turn - 1), turn) : null;
      }
      if (chat != null && c == null) {
        v.put("run_id", runId);
        return RowFactory.create(v.values().toArray());
      }
      Verdict verdict = chat != null
          ? Verdict.ofChat(chat, c.input(), c.expectedJson(), ended, cell.getAs("error"), cell.getAs("response"),
              cell.getAs("tool_calls"), judges(cell))
          : Verdict.of(template, scorers, cell.<Double>getAs("expected"), ended, cell.getAs("error"), cell.getAs("response"),
              cell.getAs("tool_calls"));
      if (c != null && v.get("expected_text") == null) v.put("expected_text", CellRunner.expectedText(c));
      VerdictColumns.overwrite(v, verdict);
      v.put("run_id", runId);
      for (StructField f : ResultSchema.SCHEMA.fields()) {
        if (!f.nullable() && v.get(f.name()) == null) v.put(f.name(), OLDER_FORMAT_DEFAULTS.get(f.name()));
      }
      return RowFactory.create(v.values().toArray());
    }
  }
}
