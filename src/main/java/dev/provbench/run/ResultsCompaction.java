package dev.provbench.run;

import dev.provbench.results.ResultSchema;
import dev.provbench.results.ResultsFolder;
import dev.provbench.results.CellStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Before failed cells run again, their rows leave the run: the run keeps only its ok rows, and the
 * whole previous folder moves to {@code output/_superseded/} (nothing written is deleted). Afterwards
 * the run holds every cell exactly once again.
 */
final class ResultsCompaction {
  private ResultsCompaction() {}

  /** @return how many failed rows were set aside. */
  static long supersedeFailed(SparkSession spark, Path output, String runId) {
    Dataset<Row> rows = spark.read().schema(ResultSchema.SCHEMA).parquet(output.toString())
        .where("run_id = '" + runId.replace("'", "''") + "'");
    long failed = rows.where("status <> '" + CellStatus.OK.value() + "'").count();
    if (failed == 0) return 0;
    Path runDir = ResultsFolder.runDir(output, runId);
    Path staging = output.resolve("_staging-" + runId);
    rows.where("status = '" + CellStatus.OK.value() + "'").drop("run_id").write().parquet(staging.toString());
    Path superseded = ResultsFolder.supersededDir(output, runId,
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    try {
      Files.createDirectories(superseded.getParent());
      Files.move(runDir, superseded);
      Files.move(staging, runDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set the failed rows of " + runDir + " aside", e);
    }
    return failed;
  }
}
