package dev.provbench.results;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;

import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a run's cells as {@link CellOutcome}s on the driver: what the adaptive planner and replay decide from. A re-run
 * cell's latest row wins, as in {@link ResultsViews#CELLS_SQL}.
 */
public final class CellOutcomes {
  private CellOutcomes() {}

  /** One outcome per cell of the run (a re-run cell's latest row), warm-up rows left out; empty for a new run. */
  public static List<CellOutcome> of(SparkSession spark, StoragePath output, String runId) {
    List<CellOutcome> out = new ArrayList<>();
    if (!Storage.isDirectory(ResultsFolder.runDir(output, runId))) return out;
    List<Row> rows = RunRows.of(spark, output, runId)
        .where(col("load_warmup").isNull().or(col("load_warmup").equalTo(false)))
        .groupBy("cell_id")
        .agg(max_by(struct(col("provider"), col("model"), col("size"), col("case_id"), col("trial"), col("correct_score"),
            col("status"), col("duration_ms"), col("cost_usd")), col("finished_at")).as("r"))
        .select("r.*").collectAsList();
    for (Row r : rows) {
      boolean answered = CellStatus.of(r.getAs("status")).answered();
      Number duration = r.getAs("duration_ms");
      Number score = r.getAs("correct_score");
      Number cost = r.getAs("cost_usd");
      out.add(new CellOutcome(r.getAs("provider"), r.getAs("model"), r.getAs("size"), r.getAs("case_id"),
          ((Number) r.getAs("trial")).intValue(), score == null ? 0 : score.doubleValue(),
          answered && duration != null ? duration.doubleValue() : Double.NaN, cost == null ? 0 : cost.doubleValue()));
    }
    return out;
  }
}
