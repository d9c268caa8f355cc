package dev.provbench.analysis;

import dev.provbench.analysis.load.LadderStep;
import dev.provbench.input.BadInputException;
import dev.provbench.results.ResultsViews;
import dev.provbench.results.SimulatedRuns;
import dev.provbench.stats.Bootstrap;
import dev.provbench.stats.CaseDurations;
import dev.provbench.stats.CaseTotals;
import dev.provbench.stats.Holm;
import dev.provbench.stats.Interval;
import dev.provbench.stats.PairedDifference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The figures of one run that every table, insight and chart reads: loaded from the {@code cells} view
 * in a few Spark queries, then bootstrapped on the driver. Immutable once loaded.
 *
 * @param runId        the run.
 * @param simulated    whether the run's providers were simulated (see {@link SimulatedRuns}).
 * @param options      what was asked on the command line.
 * @param sizes        per size, in size order.
 * @param experiments  per experiment, in size, provider, model order.
 * @param caseTotals   per experiment, CorrectScore by case (for paired tests).
 * @param accuracy     per experiment, mean CorrectScore with its 95% interval.
 * @param speed        per experiment, p50 of answered durations (s) with its 95% case-bootstrap interval.
 * @param sizeAccuracy per size, mean CorrectScore with its 95% interval (cases pooled over providers).
 * @param paired       per size, the most accurate experiment against each other one, Holm-adjusted over
 *                     every pair at that size (see {@link Holm#adjust(double[], int)}).
 * @param agreement    per experiment, trial consistency.
 * @param ladder       the load ladder step the figures come from ({@link LadderStep#NONE} without a ladder);
 *                     warm-up rows never count.
 */
public record RunAnalysis(String runId, boolean simulated, AnalysisOptions options, List<SizeStats> sizes,
    List<ExperimentStats> experiments, Map<Experiment, CaseTotals> caseTotals, Map<Experiment, Interval> accuracy,
    Map<Experiment, Interval> speed, Map<String, Interval> sizeAccuracy, Map<String, List<PairedComparison>> paired,
    Map<Experiment, TrialAgreement> agreement, LadderStep ladder) {

  /** Loads one run; the {@code cells} view must be registered ({@link ResultsViews#register}). */
  public static RunAnalysis load(SparkSession spark, String runId, boolean simulated, AnalysisOptions options) {
    return load(spark, runId, simulated, options, (Integer) null);
  }

  /** The same, from load step {@code loadStep} of a run with a ladder (null: the lowest). */
  public static RunAnalysis load(SparkSession spark, String runId, boolean simulated, AnalysisOptions options,
      Integer loadStep) {
    LadderStep ladder = LadderStep.choose(spark, runId, loadStep);
    Dataset<Row> cells = RunCells.cache(spark, runId, ladder, options.scorer());
    try {
      return load(spark, runId, simulated, options, cells, ladder);
    } finally {
      cells.unpersist();
    }
  }

  /**
   * The same from the cells on the driver ({@link DriverCells}): every figure by the rule of its SQL, without a Spark
   * job.
   */
  public static RunAnalysis load(DriverCells local, String runId, boolean simulated, AnalysisOptions options,
      Integer loadStep) {
    LadderStep ladder = local.ladder(runId, loadStep);
    List<DriverCells.Cell> cells = local.tableCells(runId, ladder, options.scorer());
    List<SizeStats> sizes = SizeStats.of(cells);
    if (sizes.isEmpty()) throw new IllegalArgumentException("run `" + runId + "` has no cells in these results");
    return assemble(runId, simulated, options, ladder, sizes, ExperimentStats.of(cells, options), CaseScores.of(cells),
        DurationsByCase.of(cells), TrialAgreement.of(cells));
  }

  private static RunAnalysis load(SparkSession spark, String runId, boolean simulated, AnalysisOptions options,
      Dataset<Row> cells, LadderStep ladder) {
    List<SizeStats> sizes = SizeStats.load(spark, runId);
    if (sizes.isEmpty()) throw new IllegalArgumentException("run `" + runId + "` has no cells in these results");
    return assemble(runId, simulated, options, ladder, sizes, ExperimentStats.load(spark, runId, options),
        CaseScores.load(spark, runId), DurationsByCase.load(spark), TrialAgreement.load(spark, runId));
  }

  /** The bootstraps and paired tests over a run's loaded figures, on the driver. */
  private static RunAnalysis assemble(String runId, boolean simulated, AnalysisOptions options, LadderStep ladder,
      List<SizeStats> sizes, List<ExperimentStats> experiments, Map<Experiment, CaseTotals> totals,
      Map<Experiment, CaseDurations> durations, Map<Experiment, TrialAgreement> agreement) {
    requirePrimaryScores(runId, experiments, totals);
    Bootstrap bootstrap = options.bootstrap();
    Map<Experiment, Interval> accuracy = new ConcurrentHashMap<>();
    totals.entrySet().parallelStream().forEach(e -> accuracy.put(e.getKey(), bootstrap.mean(e.getKey().key(), e.getValue())));
    Map<Experiment, Interval> speed = new ConcurrentHashMap<>();
    experiments.parallelStream().forEach(s -> speed.put(s.experiment(), bootstrap.median(s.experiment().key(),
        durations.getOrDefault(s.experiment(), CaseDurations.of(Map.of())))));
    Map<String, Interval> sizeAccuracy = new ConcurrentHashMap<>();
    sizes.parallelStream().forEach(s -> sizeAccuracy.put(s.size(), bootstrap.mean("size " + s.size(),
        CaseScores.ofSize(totals, s.size()))));
    Map<String, List<PairedComparison>> paired = new LinkedHashMap<>();
    for (SizeStats s : sizes) paired.put(s.size(), pairedAt(s.size(), experiments, totals, accuracy, bootstrap));
    return new RunAnalysis(runId, simulated, options, sizes, experiments, totals, Map.copyOf(accuracy),
        Map.copyOf(speed), Map.copyOf(sizeAccuracy), paired, agreement, ladder);
  }

  /**
   * Every experiment needs a primary score on some case for accuracy and its tests: a job whose only scorer is NonNull
   * (or whose LLM judge never answered) has none.
   *
   * @throws BadInputException naming the experiments without one and the fix.
   */
  private static void requirePrimaryScores(String runId, List<ExperimentStats> experiments,
      Map<Experiment, CaseTotals> totals) {
    List<String> without = experiments.stream().map(ExperimentStats::experiment).filter(e -> !totals.containsKey(e))
        .map(Experiment::key).toList();
    if (without.isEmpty()) return;
    throw new BadInputException("run `" + runId + "`", "has no primary score (a scorer other than NonNull, or the"
        + " --scorer named) in any cell of " + String.join(", ", without),
        "analyze it by a scorer its cells have, e.g. --scorer NonNull, or give the job a scorer such as CorrectScore");
  }

  private static List<PairedComparison> pairedAt(String size, List<ExperimentStats> experiments,
      Map<Experiment, CaseTotals> totals, Map<Experiment, Interval> accuracy, Bootstrap bootstrap) {
    List<Experiment> at = experiments.stream().map(ExperimentStats::experiment).filter(e -> e.size().equals(size)).toList();
    return leaderAgainstOthers(at, totals, accuracy, bootstrap);
  }

  /**
   * The most accurate of {@code at} against each other one, on shared cases, with p-values Holm-adjusted over
   * every pair of {@code at} (the leader is chosen from the same data). The one procedure behind the paired
   * tests and the accuracy insights.
   */
  static List<PairedComparison> leaderAgainstOthers(List<Experiment> at, Map<Experiment, CaseTotals> totals,
      Map<Experiment, Interval> accuracy, Bootstrap bootstrap) {
    List<Experiment> ranked = at.stream()
        .sorted(Comparator.comparingDouble((Experiment e) -> -accuracy.get(e).mean()).thenComparing(Experiment.ORDER))
        .toList();
    List<PairedDifference> raw = new ArrayList<>();
    for (int i = 1; i < ranked.size(); i++) {
      raw.add(bootstrap.paired(ranked.get(0).key() + " vs " + ranked.get(i).key(), totals.get(ranked.get(0)),
          totals.get(ranked.get(i))));
    }
    double[] adjusted = Holm.adjust(raw.stream().mapToDouble(PairedDifference::pValue).toArray(), Holm.pairs(ranked.size()));
    List<PairedComparison> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      out.add(new PairedComparison(ranked.get(0), ranked.get(i + 1), raw.get(i).withAdjustedP(adjusted[i])));
    }
    return out;
  }

  /** The experiments at one size, in provider order. */
  public List<ExperimentStats> at(String size) {
    return experiments.stream().filter(e -> e.experiment().size().equals(size)).toList();
  }

  public ExperimentStats stats(Experiment e) {
    return experiments.stream().filter(s -> s.experiment().equals(e)).findFirst().orElseThrow();
  }

  public long cells() {
    return sizes.stream().mapToLong(SizeStats::cells).sum();
  }

  /** Cells the provider did not answer. */
  public long failed() {
    return sizes.stream().mapToLong(SizeStats::failed).sum();
  }

  /** Cells that scored 0 for want of an answer (failed or parse_error). */
  public long scoredZero() {
    return sizes.stream().mapToLong(SizeStats::scoredZero).sum();
  }

  /** Who is fastest and slowest at a size, and whether the claim holds. */
  public SpeedRanking speedAt(String size) {
    return SpeedRanking.of(this, size);
  }
}
