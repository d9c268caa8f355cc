package dev.provbench.run;

import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import dev.provbench.results.CellStatus;
import dev.provbench.results.ResultsFolder;
import dev.provbench.results.RunRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Before failed cells run again, their rows leave the run: the run keeps only its ok rows, but for the turns of a
 * conversation's trial with a failed turn, which all leave (its turns run again together: a later turn needs the
 * replies before it), and the whole previous folder moves to {@code output/_superseded/} (nothing written is deleted). Afterwards
 * the run holds every cell exactly once again. Two renames: atomic on a local disk and on HDFS; on an object
 * store each is a copy, so an interrupted compaction there can leave both folders (nothing is lost either way).
 */
final class ResultsCompaction {
  private ResultsCompaction() {}

  /** A row that leaves: failed, or a turn of a conversation's trial that has a failed turn. */
  private static final String SET_ASIDE = ("status <> '%1$s' OR (turn IS NOT NULL AND conversation_id IS NOT NULL AND"
      + " max(CAST(status <> '%1$s' AS INT)) OVER (PARTITION BY provider, model, case_id, trial) = 1)")
      .formatted(CellStatus.OK.value());

  /** @return how many rows were set aside: the failed ones and the other turns of their conversations' trials. */
  static long supersedeFailed(SparkSession spark, StoragePath output, String runId) {
    Dataset<Row> rows = RunRows.of(spark, output, runId).withColumn("set_aside", functions.expr(SET_ASIDE)).cache();
    long failed = rows.where("set_aside").count();
    if (failed == 0) {
      rows.unpersist();
      return 0;
    }
    StoragePath runDir = ResultsFolder.runDir(output, runId);
    StoragePath staging = output.resolve("_staging-" + runId);
    rows.where("NOT set_aside").drop("set_aside", "run_id").write().parquet(staging.toString());
    rows.unpersist();
    StoragePath superseded = ResultsFolder.supersededDir(output, runId,
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    try {
      Storage.createDirectories(superseded.parent());
      Storage.move(runDir, superseded);
      Storage.move(staging, runDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set the failed rows of " + runDir + " aside", e);
    }
    return failed;
  }
}
