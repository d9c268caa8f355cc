package dev.provbench.cli;

import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.output.OutputFormat;
import dev.provbench.input.BadInputException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code provbench analyze RESULTS [--run ID [--run ID2]]}: the write-up's tables with statistics, from Parquet alone. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Tables with statistics from the Parquet results (trade-off by size, speed and accuracy variance,"
        + " ranking, reliability, cost, trial consistency, Pareto front, correct goodput); calls no provider.")
final class AnalyzeCommand implements Callable<Integer> {
  @Mixin
  ResultsArgument results;

  @Mixin
  AnalysisFlags flags;

  @Option(names = "--format", defaultValue = "console",
      description = "console, csv, json or markdown (default: ${DEFAULT-VALUE})")
  String format;

  @Mixin
  OutputFile out;

  @Override
  public Integer call() throws IOException {
    OutputFormat output;
    try {
      output = OutputFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--format", "unknown format `" + format + "`", "use console, csv, json or markdown");
    }
    var spark = results.openSpark();
    Analysis analysis = ResultsAnalyzer.analyze(spark, results.path, flags.run.ids(), flags.simulated, flags.options(),
        flags.loadOptions());
    out.write(output.render(analysis.writeUp()), "analysis of " + analysis.heading());
    return 0;
  }
}
