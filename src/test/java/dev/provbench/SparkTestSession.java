package dev.provbench;

import dev.provbench.run.SparkSessions;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession per test JVM: UI off, few shuffle partitions, bound to 127.0.0.1, and a failed
 * task tried once more ({@code local[16,2]}) so task retries can be tested.
 */
public final class SparkTestSession {
  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    return SparkSessions.create("provbench-test", 16, Map.of("spark.master", "local[16,2]", "spark.ui.enabled", "false",
        "spark.sql.shuffle.partitions", "2"));
  }
}
