package dev.provbench.cli;

import dev.provbench.input.StoragePath;
import dev.provbench.results.ResultsViews;
import dev.provbench.run.SparkSessions;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * RESULTS, the results folder a command reads (a picocli mixin): a local path or any Hadoop URI; and the one way a
 * command opens its Spark session. One per command invocation.
 */
final class ResultsArgument {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Parameters(index = "0", paramLabel = "RESULTS", description = "the results folder: a path or a Hadoop URI (hdfs://…)")
  StoragePath path;

  private boolean checked;

  /** The folder, once known to hold results (a bad-input error naming it otherwise). */
  StoragePath checked() {
    if (!checked) ResultsViews.checkFolder(path.toString());
    checked = true;
    return path;
  }

  /** The command's Spark session, {@code provbench <command>} on two local threads, once the folder is checked. */
  SparkSession openSpark() {
    checked();
    return SparkSessions.create("provbench " + command.name(), 2, Map.of());
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
