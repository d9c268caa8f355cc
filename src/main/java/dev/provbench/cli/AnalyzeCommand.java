package dev.provbench.cli;

import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.output.OutputFormat;
import dev.provbench.input.BadInputException;
import dev.provbench.input.StoragePath;
import dev.provbench.results.ResultsViews;
import dev.provbench.run.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code provbench analyze RESULTS [--run ID [--run ID2]]}: the write-up's tables with statistics, from Parquet alone. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Tables with statistics from the Parquet results (trade-off by size, speed and accuracy variance,"
        + " ranking, reliability, cost, trial consistency, Pareto front, correct goodput); calls no provider.")
final class AnalyzeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RESULTS", description = "the results folder: a path or a Hadoop URI (hdfs://…)")
  StoragePath results;

  @Mixin
  AnalysisFlags flags;

  @Option(names = "--format", defaultValue = "console",
      description = "console, csv, json or markdown (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "write to this local file instead of the console")
  Path out;

  @Override
  public Integer call() throws IOException {
    OutputFormat output;
    try {
      output = OutputFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--format", "unknown format `" + format + "`", "use console, csv, json or markdown");
    }
    ResultsViews.checkFolder(results.toString());
    var spark = SparkSessions.create("provbench analyze", 2, Map.of());
    Analysis analysis = ResultsAnalyzer.analyze(spark, results, flags.runs, flags.simulated, flags.options(), flags.loadOptions());
    String text = output.render(analysis.writeUp());
    if (out == null) {
      System.out.print(text);
    } else {
      Files.writeString(out, text);
      System.out.println("analysis of " + analysis.heading() + " written to " + out);
    }
    return 0;
  }
}
