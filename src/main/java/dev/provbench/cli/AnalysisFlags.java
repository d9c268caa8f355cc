package dev.provbench.cli;

import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.load.LoadOptions;
import dev.provbench.input.BadInputException;
import dev.provbench.job.LoadPlan;
import dev.provbench.stats.Bootstrap;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options {@code analyze} and {@code report} share (a picocli mixin): the runs, then how to analyse them. */
final class AnalysisFlags {
  @Mixin
  RunSelection run;

  @Option(names = "--latency-objective-ms", paramLabel = "MS", defaultValue = "5000",
      description = "correct goodput counts correct cells with duration_ms at most this (default: ${DEFAULT-VALUE})")
  long latencyObjectiveMs;

  @Option(names = "--correct-at", paramLabel = "SCORE", defaultValue = "1.0",
      description = "CorrectScore at or above which a cell is a correct answer (default: ${DEFAULT-VALUE})")
  double correctAt;

  @Option(names = "--seed", defaultValue = "" + Bootstrap.DEFAULT_SEED,
      description = "bootstrap seed; the same seed gives the same intervals (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--resamples", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES,
      description = "bootstrap resamples per interval and test (default: ${DEFAULT-VALUE})")
  int resamples;

  @Option(names = "--reference", paramLabel = "PROVIDER[/MODEL]",
      description = "test every other deployment of the reference's size for equivalence to it (table equivalence)")
  String reference;

  @Option(names = "--equivalence-margin", paramLabel = "POINTS", defaultValue = "2",
      description = "accuracy difference, in points, within which a deployment counts as equivalent (default: ±${DEFAULT-VALUE})")
  double equivalenceMargin;

  @Option(names = "--detect", paramLabel = "POINTS", defaultValue = "3",
      description = "accuracy difference, in points, that table power plans cases for (default: ${DEFAULT-VALUE})")
  double detectPoints;

  @Option(names = "--simulated", description = "label the runs as made by simulated providers"
      + " (also detected from run_id=<id>/_SIMULATED or \"simulated\": true in _provbench.json)")
  boolean simulated;

  @Option(names = "--load-objective", paramLabel = "LIMITS",
      description = "service objective of the load tables, e.g. ttft_p90_ms=800,duration_p90_ms=3000,max_error_rate=0.05"
          + " (default: none)")
  String loadObjective;

  @Option(names = "--knee-growth", paramLabel = "SHARE", defaultValue = "" + LoadPlan.DEFAULT_KNEE_GROWTH,
      description = "load knee: the step after which throughput grows by less than this share (default: ${DEFAULT-VALUE})")
  double kneeGrowth;

  @Option(names = "--load-step", paramLabel = "N",
      description = "on a run with a load ladder, the step (1-based) the ordinary tables show (default: the lowest);"
          + " the load tables show every step")
  Integer loadStep;

  @Option(names = "--scorer", paramLabel = "NAME",
      description = "the scorer every ordinary table reads as its accuracy (as the job names it, e.g. judge); default: the run's primary score")
  String scorer;

  /** What the load tables hold a ladder to, and the step the ordinary tables show. */
  LoadOptions loadOptions() {
    return new LoadOptions(LoadObjectiveFlag.parse(loadObjective), kneeGrowth, loadStep);
  }

  AnalysisOptions options() {
    if (!(equivalenceMargin > 0)) {
      throw new BadInputException("--equivalence-margin", "must be above 0, got " + equivalenceMargin, "e.g. 2 for ±2 points");
    }
    if (!(detectPoints > 0)) {
      throw new BadInputException("--detect", "must be above 0, got " + detectPoints, "e.g. 3 for 3 points");
    }
    return new AnalysisOptions(new Bootstrap(seed, resamples), latencyObjectiveMs, correctAt, reference,
        equivalenceMargin, detectPoints, scorer);
  }
}
