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

/**
 * Before failed cells run again, their rows leave the run: the run keeps only its ok rows, and the
 * whole previous folder moves to {@code output/_superseded/} (nothing written is deleted). Afterwards
 * the run holds every cell exactly once again. Two renames: atomic on a local disk and on HDFS; on an object
 * store each is a copy, so an interrupted compaction there can leave both folders (nothing is lost either way).
 */
final class ResultsCompaction {
  private ResultsCompaction() {}

  /** @return how many failed rows were set aside. */
  static long supersedeFailed(SparkSession spark, StoragePath output, String runId) {
    Dataset<Row> rows = RunRows.of(spark, output, runId);
    long failed = rows.where("status <> '" + CellStatus.OK.value() + "'").count();
    if (failed == 0) return 0;
    StoragePath runDir = ResultsFolder.runDir(output, runId);
    StoragePath staging = output.resolve("_staging-" + runId);
    rows.where("status = '" + CellStatus.OK.value() + "'").drop("run_id").write().parquet(staging.toString());
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
