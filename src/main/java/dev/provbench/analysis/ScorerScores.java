package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.DriverCells.Cell;
import dev.provbench.analysis.load.LadderStep;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Insight;
import dev.provbench.stats.Bootstrap;
import dev.provbench.stats.CaseTotals;
import dev.provbench.stats.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Every scorer of a run side by side (the {@code scores} view), where the other tables read only the primary one
 * ({@code correct_score}): per scorer and experiment, the mean score over every cell (a cell with no answer scores 0)
 * with its case-bootstrap 95% interval, and the experiment's rank among those of its size on that scorer.
 */
public final class ScorerScores {
  public static final String ID = "scorer_scores";
  /** The reference task's pair, already in {@code accuracy_variance}: a run with only these gets no table. */
  static final Set<String> DEFAULT_SCORERS = Set.of("CorrectScore", "NonNull");

  static final String SQL = """
      SELECT provider, model, size, scorer, xxhash64(case_id) AS case_key, coalesce(sum(score), 0) AS total,
             count(score) AS cells
      FROM scores
      WHERE run_id = :run_id AND %s
      GROUP BY provider, model, size, scorer, case_id
      HAVING count(score) > 0""";
  /** Where each scorer stands in the job's list; files before format 3 have no {@code scores} and give no rows. */
  static final String ORDER_SQL = """
      SELECT s.scorer, min(position) AS position
      FROM cells LATERAL VIEW posexplode(scores) t AS position, s
      WHERE run_id = :run_id
      GROUP BY s.scorer""";

  /**
   * One scorer's figures for one experiment.
   *
   * @param experiment provider, model and size.
   * @param scorer     the scorer's name as the job gives it.
   * @param cells      cells scored by it (every cell of the experiment, failures scoring 0).
   * @param score      mean score with its 95% case-bootstrap interval.
   * @param rank       1 + the experiments of the same size with a higher mean on this scorer (ties share a rank).
   */
  public record Score(Experiment experiment, String scorer, long cells, Interval score, int rank) {}

  private ScorerScores() {}

  /** Every scorer × experiment of a run, in the job's scorer order, then size, provider and model. */
  public static List<Score> load(SparkSession spark, String runId, Bootstrap bootstrap) {
    return load(spark, runId, bootstrap, LadderStep.NONE);
  }

  /**
   * As {@link #load(SparkSession, String, Bootstrap)}, over the rows of one load step (never warm-up rows). A cell
   * whose score is null (its LLM judge's call failed: unknown, not wrong) is left out of that scorer's figures.
   */
  public static List<Score> load(SparkSession spark, String runId, Bootstrap bootstrap, LadderStep ladder) {
    Map<String, Map<Experiment, Map<Long, double[]>>> byScorer = new HashMap<>();
    Iterator<Row> it = spark.sql(SQL.formatted(ladder.rowFilter()), Map.of("run_id", runId)).toLocalIterator();
    while (it.hasNext()) {
      Row r = it.next();
      Experiment e = new Experiment(r.getString(0), r.getString(1), r.getString(2));
      byScorer.computeIfAbsent(r.getString(3), k -> new HashMap<>()).computeIfAbsent(e, k -> new HashMap<>())
          .put(r.getLong(4), new double[] {r.getDouble(5), r.getLong(6)});
    }
    Map<String, Integer> position = new HashMap<>();
    for (Row r : spark.sql(ORDER_SQL, Map.of("run_id", runId)).collectAsList()) position.put(r.getString(0), r.getInt(1));
    return scores(byScorer, position, bootstrap);
  }

  /** The same as {@link #SQL} and {@link #ORDER_SQL}, from a run's cells on the driver ({@code all}: warm-up too). */
  static List<Score> of(List<Cell> all, Bootstrap bootstrap, LadderStep ladder) {
    Map<String, Map<Experiment, Map<Long, double[]>>> byScorer = new HashMap<>();
    Map<String, Integer> position = new HashMap<>();
    Map<String, Map<Experiment, Map<String, List<Cell.Score>>>> cases = new HashMap<>();
    Map<String, Long> caseKeys = new HashMap<>();
    for (Cell c : all) {
      List<Cell.Score> stored = c.scores();
      if (stored != null) for (int i = 0; i < stored.size(); i++) position.merge(stored.get(i).scorer(), i, Math::min);
      if (!DriverCells.step(ladder).test(c)) continue;
      for (Cell.Score s : c.scoresView()) {
        cases.computeIfAbsent(s.scorer(), k -> new HashMap<>()).computeIfAbsent(c.experiment(), k -> new LinkedHashMap<>())
            .computeIfAbsent(c.caseId(), k -> new ArrayList<>()).add(s);
      }
      caseKeys.put(c.caseId(), c.caseKey());
    }
    cases.forEach((scorer, byExperiment) -> byExperiment.forEach((e, byCase) -> byCase.forEach((caseId, scores) -> {
      long counted = scores.stream().filter(s -> s.score() != null).count();
      double total = scores.stream().filter(s -> s.score() != null).mapToDouble(Cell.Score::score).sum();
      if (counted > 0) {
        byScorer.computeIfAbsent(scorer, k -> new HashMap<>()).computeIfAbsent(e, k -> new HashMap<>())
            .put(caseKeys.get(caseId), new double[] {total, counted});
      }
    })));
    return scores(byScorer, position, bootstrap);
  }

  private static List<Score> scores(Map<String, Map<Experiment, Map<Long, double[]>>> byScorer, Map<String, Integer> position,
      Bootstrap bootstrap) {
    List<Score> unranked = new ArrayList<>();
    for (String scorer : order(position, byScorer.keySet())) {
      byScorer.get(scorer).entrySet().stream().sorted(Map.Entry.comparingByKey(Experiment.ORDER)).forEach(e -> {
        CaseTotals totals = CaseTotals.of(e.getValue());
        long cells = Arrays.stream(totals.counts()).sum();
        unranked.add(new Score(e.getKey(), scorer, cells, bootstrap.mean(scorer + " " + e.getKey().key(), totals), 0));
      });
    }
    return unranked.stream().map(s -> new Score(s.experiment(), s.scorer(), s.cells(), s.score(), rank(s, unranked)))
        .toList();
  }

  /** The job's order where the {@code scores} column gives it, else by name (CorrectScore before NonNull). */
  private static List<String> order(Map<String, Integer> position, Set<String> scorers) {
    return scorers.stream().sorted(Comparator.comparing((String s) -> position.getOrDefault(s, Integer.MAX_VALUE))
        .thenComparing(Comparator.naturalOrder())).toList();
  }

  private static int rank(Score s, List<Score> all) {
    return 1 + (int) all.stream().filter(o -> o.scorer().equals(s.scorer()) && o.experiment().size().equals(s.experiment().size())
        && o.score().mean() > s.score().mean()).count();
  }

  /** Whether the run scored with anything beyond the reference pair, which the ordinary tables already show. */
  public static boolean worthShowing(List<Score> scores) {
    return scores.stream().anyMatch(s -> !DEFAULT_SCORERS.contains(s.scorer()));
  }

  public static AnalysisTable table(RunAnalysis run, List<Score> scores) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Scores by scorer: mean score per experiment on each of the job's scorers",
        text("scorer"), text("size"), text("provider"), text("model"), number("cells", "%d"), number("cases", "%d"),
        number("mean score", "%.3f"), number("CI low", "%.3f"), number("CI high", "%.3f"), number("rank", "%d"));
    for (Score s : scores) {
      Experiment e = s.experiment();
      t.row(s.scorer(), e.size(), e.provider(), e.model(), s.cells(), (long) s.score().cases(), s.score().mean(),
          s.score().low(), s.score().high(), (long) s.rank());
    }
    long zero = run.experiments().stream().mapToLong(ExperimentStats::scoredZero).sum();
    return t.build(Coverage.of(run.experiments()) + " (" + zero + " cells with no answer, failed or unparsable, score 0 on"
        + " every scorer); " + AccuracyTables.bootstrapNote(run) + "; rank among the experiments of the same size on"
        + " that scorer");
  }

  /** At each size with two or more experiments: the scorers whose sole leader is not the same experiment. */
  public static List<Insight> insights(List<Score> scores) {
    List<Insight> out = new ArrayList<>();
    Map<String, List<Score>> bySize = scores.stream().collect(Collectors.groupingBy(s -> s.experiment().size(),
        LinkedHashMap::new, Collectors.toList()));
    bySize.forEach((size, at) -> {
      List<Experiment> experiments = at.stream().map(Score::experiment).distinct().toList();
      if (experiments.size() < 2) return;
      Map<String, Score> leaders = new LinkedHashMap<>();
      for (String scorer : at.stream().map(Score::scorer).distinct().toList()) {
        List<Score> first = at.stream().filter(s -> s.scorer().equals(scorer) && s.rank() == 1).toList();
        if (first.size() == 1) leaders.put(scorer, first.get(0));
      }
      if (leaders.values().stream().map(Score::experiment).distinct().count() < 2) return;
      Map<Experiment, List<String>> ledBy = new LinkedHashMap<>();
      leaders.forEach((scorer, s) -> ledBy.computeIfAbsent(s.experiment(), k -> new ArrayList<>()).add(scorer));
      String who = ledBy.entrySet().stream().map(e -> name(e.getKey(), experiments) + " on " + Insights.and(e.getValue()))
          .collect(Collectors.joining(", "));
      String basis = leaders.keySet().stream().map(scorer -> scorer + " " + at.stream().filter(s -> s.scorer().equals(scorer))
              .sorted(Comparator.comparingInt(Score::rank)).map(s -> String.format(Locale.ROOT, "%s %.3f (%.3f–%.3f)",
                  name(s.experiment(), experiments), s.score().mean(), s.score().low(), s.score().high()))
              .collect(Collectors.joining(", ")))
          .collect(Collectors.joining("; "));
      out.add(new Insight("At " + size + " the best experiment depends on the scorer: " + who + ".",
          "mean score with its 95% case-bootstrap CI, leaders by point estimate: " + basis + " (table " + ID + ")"));
    });
    return out;
  }

  /** The provider, with the model when the provider has several experiments among {@code at}. */
  static String name(Experiment e, List<Experiment> at) {
    boolean alone = at.stream().filter(o -> o.provider().equals(e.provider())).count() == 1;
    return alone ? e.provider() : e.provider() + " " + e.model();
  }
}
