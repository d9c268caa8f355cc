package dev.provbench.run;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the SparkSession of a command with the settings every run needs: speculation off (a
 * speculative copy re-sends paid calls), keys redacted, everything bound to 127.0.0.1 in local mode.
 */
public final class SparkSessions {
  /**
   * Spark's default pattern plus API keys, Authorization headers and every environment variable handed
   * to executors or drivers through Spark's configuration, whatever its name (that is how keys travel).
   */
  public static final String REDACTION =
      "(?i)secret|password|token|access[.]?key|api.?key|authorization|executorEnv|appMasterEnv|driverEnv";

  private SparkSessions() {}

  /**
   * @param localThreads task slots when no master was given (Spark local mode); under spark-submit the
   *                     submitted master wins.
   */
  public static SparkSession create(String appName, int localThreads, Map<String, String> extra) {
    SparkConf submitted = new SparkConf();
    if (submitted.getBoolean("spark.speculation", false)) {
      System.err.println("warning: spark.speculation=true was set; provbench turns it off, since a speculative "
          + "task would send every paid call twice");
    }
    SparkSession.Builder b = SparkSession.builder().appName(appName)
        .config("spark.speculation", "false")
        .config("spark.redaction.regex", REDACTION)
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        .config("spark.executor.heartbeatInterval", "2s")
        .config("spark.sql.debug.maxToStringFields", "200")
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    if (!submitted.contains("spark.master")) {
      b.master("local[" + Math.max(1, localThreads) + "]")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", submitted.get("spark.ui.enabled", "false"));
    }
    extra.forEach(b::config);
    return b.getOrCreate();
  }
}
