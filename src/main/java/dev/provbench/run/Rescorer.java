package dev.provbench.run;

import dev.provbench.results.ResultsFolder;
import dev.provbench.results.ResultsViews;
import dev.provbench.results.SimulatedRuns;

import dev.provbench.input.BadInputException;
import dev.provbench.job.CommitPolicy;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.results.ResultSchema;
import dev.provbench.results.CellStatus;
import dev.provbench.task.JudgeTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Re-parses and re-scores a run's stored raw responses with a job's current template and scorers, and
 * writes them as a new run (same schema, same cell ids) beside the original, which is never touched. Pure
 * functions of stored text: no provider is called. Cells that got no answer keep their status and score 0.
 */
public final class Rescorer {
  private Rescorer() {}

  /**
   * @param newRunId the new run's id; null for {@code <runId>-rescored-<n>}, the first n not taken.
   * @return what was written.
   */
  public static Rescored rescore(SparkSession spark, Path results, String runId, String newRunId, Job job) {
    String target = newRunId != null ? newRunId : nextFreeId(results, runId);
    JobReader.checkRunId("--as", target);
    if (Files.exists(ResultsFolder.runDir(results, target))) {
      throw new BadInputException(ResultsFolder.runDir(results, target).toString(), "run `" + target + "` already exists",
          "choose another id with --as");
    }
    ResultsViews.register(spark, results.toString());
    Column[] columns = Arrays.stream(ResultSchema.SCHEMA.fieldNames()).map(functions::col).toArray(Column[]::new);
    Dataset<Row> cells = spark.table("cells").where(functions.col("run_id").equalTo(runId)).select(columns);
    if (cells.isEmpty()) {
      throw new BadInputException(results.toString(), "has no run `" + runId + "`", "pass --run with a run id it holds");
    }
    JudgeTemplate template = JudgeTemplate.load(job.task().template());
    Dataset<Row> rescored = cells.map(new RescoreCell(template, job.scorers(), target), Encoders.row(ResultSchema.SCHEMA));
    write(spark, rescored, ResultsFolder.runDir(results, target), job.commit());
    copySimulatedMarker(results, runId, target);
    ResultsViews.register(spark, results.toString());
    Row counts = spark.sql("""
        SELECT count(*), count_if(NOT (a.correct_score <=> b.correct_score))
        FROM cells a JOIN cells b ON a.cell_id = b.cell_id
        WHERE a.run_id = :a AND b.run_id = :b""", Map.of("a", runId, "b", target)).first();
    return new Rescored(runId, target, counts.getLong(0), counts.getLong(1));
  }

  /** Each partition commits its rows through the run's own {@link ChunkWriter}: the same files a run writes. */
  private static void write(SparkSession spark, Dataset<Row> rows, Path runDir, CommitPolicy commit) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> hadoop = jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration()));
    String dir = runDir.toUri().toString();
    int everyCells = commit.everyCells();
    long everyMs = commit.everySeconds() * 1000L;
    rows.javaRDD().foreachPartition(it -> {
      TaskContext context = TaskContext.get();
      String prefix = String.format("part-r%05d-a%d", context.partitionId(), context.attemptNumber());
      try (ChunkWriter writer = new ChunkWriter(new org.apache.hadoop.fs.Path(dir), prefix, hadoop.value().value(),
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

  static String nextFreeId(Path results, String runId) {
    for (int n = 1; ; n++) {
      String id = runId + "-rescored-" + n;
      if (!Files.exists(ResultsFolder.runDir(results, id))) return id;
    }
  }

  private static void copySimulatedMarker(Path results, String from, String to) {
    Path marker = ResultsFolder.runDir(results, from).resolve(SimulatedRuns.RUN_MARKER);
    if (!Files.exists(marker)) return;
    try {
      Files.copy(marker, ResultsFolder.runDir(results, to).resolve(SimulatedRuns.RUN_MARKER));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot mark run " + to + " as simulated", e);
    }
  }

  /** One cell re-read and re-judged by the same {@link Verdict} as a run; ships the template's text, not a compiled one. */
  static final class RescoreCell implements MapFunction<Row, Row> {
    /** Required columns that rows of an older results format lack. */
    private static final Map<String, Object> OLDER_FORMAT_DEFAULTS = Map.of("reconnects", 0, "cache_bust", false);

    private final JudgeTemplate template;
    private final List<String> scorers;
    private final String runId;

    RescoreCell(JudgeTemplate template, List<String> scorers, String runId) {
      this.template = template;
      this.scorers = List.copyOf(scorers);
      this.runId = runId;
    }

    @Override
    public Row call(Row cell) {
      Map<String, Object> v = new LinkedHashMap<>();
      for (String name : ResultSchema.SCHEMA.fieldNames()) v.put(name, cell.getAs(name));
      Verdict verdict = Verdict.of(template, scorers, cell.<Double>getAs("expected"), CellStatus.of(cell.getAs("status")),
          cell.getAs("error"), cell.getAs("response"), cell.getAs("tool_calls"));
      v.put("status", verdict.status().value());
      v.put("error", verdict.error());
      if (verdict.parsed() != null) {
        v.put("output", verdict.output());
        v.put("choice", verdict.parsed().choice());
        v.put("reasons", verdict.parsed().reasons());
      }
      v.put("correct_score", verdict.scores().correct());
      v.put("non_null", verdict.scores().nonNull());
      v.put("score_note", verdict.scores().note());
      v.put("run_id", runId);
      for (StructField f : ResultSchema.SCHEMA.fields()) {
        if (!f.nullable() && v.get(f.name()) == null) v.put(f.name(), OLDER_FORMAT_DEFAULTS.get(f.name()));
      }
      return RowFactory.create(v.values().toArray());
    }
  }
}
