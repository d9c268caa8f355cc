package dev.provbench.cli;

import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.output.OutputFormat;
import java.io.IOException;
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

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "console",
      description = "one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  OutputFormat format;

  @Mixin
  OutputFile out;

  @Override
  public Integer call() throws IOException {
    var spark = results.openSpark();
    Analysis analysis = ResultsAnalyzer.analyze(spark, results.path, flags.run.ids(), flags.simulated, flags.options(),
        flags.loadOptions());
    out.write(format.render(analysis.writeUp()), "analysis of " + analysis.heading());
    return 0;
  }
}
