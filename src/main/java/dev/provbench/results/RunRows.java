package dev.provbench.results;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.provbench.input.StoragePath;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one reader of stored rows: a results folder read with {@link ResultSchema#SCHEMA} (a column an older format
 * lacks reads as null), and a run's rows picked with the run id bound as a value, never spliced into SQL.
 */
public final class RunRows {
  private RunRows() {}

  /** The rows of run {@code runId} in the results folder {@code output} (local or a Hadoop URI). */
  public static Dataset<Row> of(SparkSession spark, StoragePath output, String runId) {
    return all(spark, output.toString()).where(col("run_id").equalTo(lit(runId)));
  }

  /** The rows of every run in the results folder {@code resultsDir} (a local path or a Hadoop URI). */
  public static Dataset<Row> all(SparkSession spark, String resultsDir) {
    return spark.read().schema(ResultSchema.SCHEMA).parquet(resultsDir);
  }
}
