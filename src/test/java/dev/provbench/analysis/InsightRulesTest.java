package dev.provbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provbench.analysis.load.LadderStep;
import dev.provbench.analysis.output.Insight;
import dev.provbench.stats.Interval;
import dev.provbench.stats.PairedDifference;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The insight rules on runs made of plain values: figures in, the exact sentences out; no Spark. */
class InsightRulesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      # cells | timeouts | 429 answers | cells hit by 429 | sentences
        100   | 10       | 0           | 0                | P1 at 8b failed 10 of 100 cells (10.0%): 10 timeout; 0 requests were answered 429.
        100   | 0        | 7           | 5                | P1 at 8b failed 0 of 100 cells (0.0%); 7 requests were answered 429.
        100   | 0        | 1           | 3                | P1 at 8b failed 0 of 100 cells (0.0%); 1 request was answered 429.
        100   | 2        | 2           | 2                | 1 other experiment had failures or 429s on at most 2% of its cells.
        100   | 0        | 0           | 0                | ''
      """)
  void failures(long cells, long timeouts, long answered429, long cells429, String sentences) {
    RunAnalysis run = run(List.of(), Map.of(), stats("P1", "8b", reliability(cells, timeouts, answered429, cells429), 1.0));
    assertEquals(sentences, text(Insights::failures, run));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      # CorrectScore at 8b, at 70b | mean s at 8b, at 70b | sentences
        0.5  | 0.6                   | 1.0 | 2.5          | From 8b to 70b, accuracy rises 10.0 points (+20.0%) and mean duration grows by 1.50 s.
        0.8  | 0.6                   | 2.0 | 1.5          | From 8b to 70b, accuracy falls 20.0 points (-25.0%) and mean duration shrinks by 0.50 s.
        0.0  | 0.5                   | 1.0 | 1.0          | From 8b to 70b, accuracy rises 50.0 points (NaN%) and mean duration grows by 0.00 s.
             | 0.5                   | 1.0 | 1.0          | ''
      """)
  void sizeJumps(Double correct8b, Double correct70b, double mean8b, double mean70b, String sentences) {
    RunAnalysis run = run(List.of(size("8b", correct8b, mean8b), size("70b", correct70b, mean70b)), Map.of());
    assertEquals(sentences, text(Insights::sizeJumps, run));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      # P1 p50 CI   | P2 p50 CI | sentences
        0.90 | 1.10 | 1.80 | 2.20 | P1 is fastest at 8b. P2 is slowest at 8b.
        0.90 | 1.90 | 1.80 | 2.20 | No clear fastest or slowest at 8b: 8b P1 1.00 (0.90–1.90), P2 2.00 (1.80–2.20).
      """)
  void speedRanks(double low1, double high1, double low2, double high2, String sentences) {
    ExperimentStats p1 = stats("P1", "8b", reliability(10, 0, 0, 0), 1.0);
    ExperimentStats p2 = stats("P2", "8b", reliability(10, 0, 0, 0), 2.0);
    RunAnalysis run = run(List.of(size("8b", 0.5, 1.5)), Map.of(p1.experiment(), new Interval(1.0, low1, high1, 5),
        p2.experiment(), new Interval(2.0, low2, high2, 5)), p1, p2);
    assertEquals(sentences, text(Insights::speedRanks, run));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      # P1 − P2 pts | adjusted p | sentences
        4.0         | 0.01       | At 8b, P1 is the most accurate (CorrectScore 0.900), 4.0 points ahead of P2: a significant difference.
        1.0         | 0.40       | At 8b, P1 is the most accurate (CorrectScore 0.900), 1.0 points ahead of P2: not a significant difference.
        0.0         | 1.00       | At 8b, P1 and P2 tie as the most accurate (CorrectScore 0.900 each).
      """)
  void accuracyLeaders(double points, double adjustedP, String sentences) {
    ExperimentStats p1 = stats("P1", "8b", reliability(10, 0, 0, 0), 1.0);
    ExperimentStats p2 = stats("P2", "8b", reliability(10, 0, 0, 0), 1.0);
    PairedDifference d = new PairedDifference(points / 100, points / 100 - 0.02, points / 100 + 0.02, adjustedP, adjustedP, 10);
    RunAnalysis run = new RunAnalysis("r1", false, AnalysisOptions.defaults(), List.of(size("8b", 0.9, 1.0)), List.of(p1, p2),
        Map.of(), Map.of(p1.experiment(), new Interval(0.9, 0.85, 0.95, 10)), Map.of(), Map.of(),
        Map.of("8b", List.of(new PairedComparison(p1.experiment(), p2.experiment(), d))), Map.of(), LadderStep.NONE);
    assertEquals(sentences, text(Insights::accuracyLeaders, run));
  }

  /** A rule's sentences, one per line. */
  private static String text(Function<RunAnalysis, List<Insight>> rule, RunAnalysis run) {
    return String.join("\n", rule.apply(run).stream().map(Insight::text).toList());
  }

  private static RunAnalysis run(List<SizeStats> sizes, Map<Experiment, Interval> speed, ExperimentStats... experiments) {
    return new RunAnalysis("r1", false, AnalysisOptions.defaults(), sizes, List.of(experiments), Map.of(), Map.of(), speed,
        Map.of(), Map.of(), Map.of(), LadderStep.NONE);
  }

  private static SizeStats size(String size, Double correct, double durationMean) {
    return new SizeStats(size, 2, 20, 0, 0, correct, null, durationMean, durationMean);
  }

  /** Cells answered but for {@code timeouts}, which time out. */
  private static ExperimentReliability reliability(long cells, long timeouts, long answered429, long cells429) {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (String s : ExperimentReliability.FAILED_STATUSES) byStatus.put(s, s.equals("timeout") ? timeouts : 0L);
    return new ExperimentReliability(cells, cells - timeouts, timeouts, 0, byStatus, answered429, cells429, 0, 0, 0);
  }

  private static ExperimentStats stats(String provider, String size, ExperimentReliability reliability, double p50) {
    double[] percentiles = new double[ExperimentTiming.PERCENTILES.length];
    Arrays.fill(percentiles, p50);
    return new ExperimentStats(new Experiment(provider, "m", size), reliability,
        new ExperimentTiming(p50, 0, p50, p50, percentiles, p50, null, null, null, null, null, null, null, null, 0, 0),
        new ExperimentScores(null, null, 0, 0), new ExperimentCost(null, 0, 0, 0, null));
  }
}
