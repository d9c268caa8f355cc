package dev.provbench.analysis;

import dev.provbench.run.ResultSchema;
import org.apache.spark.sql.SparkSession;

/** Registers the {@code results} view over a results folder (every run in it), with the known schema. */
public final class ResultsViews {
  private ResultsViews() {}

  public static void register(SparkSession spark, String resultsDir) {
    spark.read().schema(ResultSchema.SCHEMA).parquet(resultsDir).createOrReplaceTempView("results");
  }
}
