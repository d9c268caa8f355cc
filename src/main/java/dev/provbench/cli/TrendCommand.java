package dev.provbench.cli;

import dev.provbench.analysis.trend.Trend;
import dev.provbench.analysis.trend.TrendFamily;
import dev.provbench.analysis.trend.TrendTables;
import dev.provbench.input.BadInputException;
import dev.provbench.input.StoragePath;
import dev.provbench.report.TrendReport;
import dev.provbench.results.ResultsViews;
import dev.provbench.results.RunSeries;
import dev.provbench.results.SimulatedRuns;
import dev.provbench.stats.Bootstrap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code provbench trend RESULTS --series NAME}: a series of runs over time, and what changed significantly. */
@Command(name = "trend", mixinStandardHelpOptions = true,
    description = "Accuracy and latency of every provider x model across the runs of a series (run --series NAME),"
        + " by time of day, with the changes that are significant; calls no provider.")
final class TrendCommand implements Callable<Integer> {
  @Mixin
  ResultsArgument resultsFolder;

  @Option(names = "--series", required = true, paramLabel = "NAME", description = "the series (run --series NAME)")
  String series;

  @Option(names = "--min-accuracy-change", paramLabel = "POINTS", defaultValue = "" + Trend.Thresholds.DEFAULT_ACCURACY_POINTS,
      description = "the smallest significant accuracy change flagged, in points (default: ${DEFAULT-VALUE})")
  double minAccuracyPoints;

  @Option(names = "--min-latency-change", paramLabel = "PERCENT", defaultValue = "" + Trend.Thresholds.DEFAULT_LATENCY_PERCENT,
      description = "the smallest significant latency change flagged, in percent (default: ${DEFAULT-VALUE})")
  double minLatencyPercent;

  @Option(names = "--family", paramLabel = "FAMILY", defaultValue = "series",
      description = "what Holm's 5%% family-wise level covers: series (every comparison), metric (accuracy and latency"
          + " each on their own) or baseline (each run against --baseline RUN) (default: ${DEFAULT-VALUE})")
  String family;

  @Option(names = "--baseline", paramLabel = "RUN",
      description = "compare every run of the series with this one instead of with the run before (family baseline)")
  String baseline;

  @Option(names = "--report", paramLabel = "DIR",
      description = "also write trend.html with accuracy and latency charts over time into this folder")
  Path report;

  @Mixin
  OutputFile out;

  @Override
  public Integer call() throws IOException {
    StoragePath results = resultsFolder.checked();
    List<String> runs = RunSeries.runs(results, RunSeries.checkName("--series", series));
    if (runs.isEmpty()) {
      List<String> known = RunSeries.names(results);
      throw new BadInputException("--series", "no run of series `" + series + "` in " + results,
          known.isEmpty() ? "mark runs with `provbench run JOB --series " + series + "`" : "use one of " + String.join(", ", known));
    }
    TrendFamily chosen = family(runs);
    var spark = resultsFolder.openSpark();
    ResultsViews.register(spark, results.toString());
    Trend trend = Trend.load(spark, series, runs, Bootstrap.defaults(), new Trend.Thresholds(minAccuracyPoints, minLatencyPercent),
        chosen);
    out.write(TrendTables.console(trend), "trend of series " + series);
    if (report != null) {
      boolean simulated = runs.stream().anyMatch(id -> SimulatedRuns.isSimulated(results, id));
      System.out.println("trend report: " + TrendReport.write(trend, simulated, report));
    }
    return 0;
  }

  private TrendFamily family(List<String> runs) {
    TrendFamily.Kind kind = Arrays.stream(TrendFamily.Kind.values()).filter(k -> k.word().equals(family)).findFirst()
        .orElseThrow(() -> new BadInputException("--family", "unknown family `" + family + "`",
            "use series, metric or baseline"));
    if (baseline != null && kind == TrendFamily.Kind.METRIC) {
      throw new BadInputException("--baseline", "--baseline compares every run with one, so its family is baseline",
          "leave out --family metric, or leave out --baseline");
    }
    if (baseline == null && kind == TrendFamily.Kind.BASELINE) {
      throw new BadInputException("--family", "the baseline family needs the run to compare with",
          "add --baseline RUN, one of " + String.join(", ", runs));
    }
    if (baseline == null) return kind == TrendFamily.Kind.METRIC ? TrendFamily.PER_METRIC : TrendFamily.SERIES;
    if (!runs.contains(baseline)) {
      throw new BadInputException("--baseline", "no run `" + baseline + "` in series `" + series + "`",
          "use one of " + String.join(", ", runs));
    }
    return TrendFamily.baseline(baseline);
  }
}
