package dev.provbench.cli;

import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.report.RunReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code provbench report RESULTS --out DIR [--run A [--run B]]}: one self-contained interactive HTML page and a PNG
 * per chart.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write an interactive HTML report (one file, works offline: charts to hover, toggle and filter by"
        + " size, sortable tables, findings linked to the cells behind them; with two --run, the change per"
        + " experiment) and a PNG per chart; calls no provider.")
final class ReportCommand implements Callable<Integer> {
  @Mixin
  ResultsArgument results;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "local folder for report.html and the PNGs")
  Path out;

  @Mixin
  AnalysisFlags flags;

  @Override
  public Integer call() {
    var spark = results.openSpark();
    Analysis analysis = ResultsAnalyzer.analyze(spark, results.path, flags.run.ids(), flags.simulated, flags.options(),
        flags.loadOptions());
    Path html = RunReport.write(spark, analysis, flags.loadOptions(), flags.options(), out);
    System.out.println("report of " + analysis.heading() + ": " + html);
    return 0;
  }
}
