package dev.provbench.decide;

import dev.provbench.job.DecisionKind;
import dev.provbench.job.DecisionSpec;
import dev.provbench.stats.CaseDifferences;
import dev.provbench.stats.ConfidenceSequence;
import dev.provbench.stats.ConfidenceSequence.Bounds;
import dev.provbench.stats.Holm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One decision at one size while a walk goes through the rounds: which deployments are still in contention, the
 * paired per-case values of every comparison, and how it ended. Every test holds at every look, so the chance that a
 * claim of the decision is wrong stays at most α however many rounds are looked at. The error is split so:
 * <ul>
 *   <li>a ranking claims "i beats j" (j leaves contention; the last one left wins) by a one-sided test at
 *       {@value #RANKING_SHARE} α ÷ (k − 1) for k deployments: any wrong claim needs some "i beats b" with b the truly
 *       best one, and there are k − 1 such tests, so wrong winners and wrongly dropped leaders stay within that share;</li>
 *   <li>a ranking's tie ("no difference larger than the margin") spends the rest of α: every pair must be shown
 *       within the margin on both sides (two one-sided tests at that level each; a tie is wrong only if some pair is
 *       truly farther apart, and that pair's own test must then have erred, so no split over pairs is needed);</li>
 *   <li>an equivalence tests each deployment against the reference at α ÷ (deployments compared): within the margin by
 *       two one-sided tests at that level, beyond it by a two-sided one.</li>
 * </ul>
 * One per walk.
 */
final class DecisionState {
  /** The share of α a ranking spends on "i beats j"; the rest goes to its tie. */
  static final double RANKING_SHARE = 0.8;
  /** Cases a comparison needs before futility is judged. */
  static final int FUTILITY_MIN_CASES = 12;
  /**
   * How sure futility must be: a decision stops as not settled when the chance that it would still settle by the end
   * of the matrix, averaged over what the remaining cases may show, is below 5% (the one-sided normal quantile).
   */
  static final double FUTILITY_Z = 1.645;

  private final DecisionSpec spec;
  private final String size;
  private final PairedMetric metric;
  private final double pairAlpha;
  /** A ranking's one-sided "i beats j" level. */
  private final double beatAlpha;
  /** A ranking's one-sided level of each test of its tie. */
  private final double tieAlpha;
  private final double margin;
  /** Deployment indices; for an equivalence the reference comes first. */
  private final int[] members;
  private final String[] labels;
  private final boolean equivalence;
  private final boolean[] contender;
  private final int[][] pairs;
  private final double[][] values;
  private final int[] counts;
  private final DecisionVerdict[] memberVerdict;
  private final long[] memberCalls;
  private final double[] memberCost;
  private final int[] memberRounds;
  private final String[] memberBecause;
  private final int totalCases;
  private final int trials;
  private final double[] fullCost;
  private final boolean futility;
  private int casesSeen;

  DecisionState(DecisionSpec spec, String size, int[] members, String[] labels, double alpha, double accuracyMargin,
      double speedMargin, boolean futility, CellMatrix m) {
    this.futility = futility;
    this.spec = spec;
    this.size = size;
    this.members = members;
    this.labels = labels;
    this.equivalence = spec.kind() == DecisionKind.EQUIVALENT_TO;
    this.metric = spec.kind() == DecisionKind.FASTEST ? PairedMetric.SPEED : PairedMetric.ACCURACY;
    this.margin = metric == PairedMetric.SPEED ? PairedMetric.speedUnits(speedMargin) : accuracyMargin;
    this.contender = new boolean[members.length];
    Arrays.fill(contender, true);
    List<int[]> p = new ArrayList<>();
    if (equivalence) {
      for (int i = 1; i < members.length; i++) p.add(new int[] {i, 0});
    } else {
      for (int i = 0; i < members.length; i++) for (int j = i + 1; j < members.length; j++) p.add(new int[] {i, j});
    }
    this.pairs = p.toArray(int[][]::new);
    this.pairAlpha = pairs.length == 0 ? alpha : alpha / pairs.length;
    this.beatAlpha = RANKING_SHARE * alpha / Math.max(1, members.length - 1);
    this.tieAlpha = (1 - RANKING_SHARE) * alpha;
    this.values = new double[pairs.length][m.cases()];
    this.counts = new int[pairs.length];
    int rows = equivalence ? members.length - 1 : 1;
    this.memberVerdict = new DecisionVerdict[rows];
    this.memberCalls = new long[rows];
    this.memberCost = new double[rows];
    this.memberRounds = new int[rows];
    this.memberBecause = new String[rows];
    this.totalCases = m.cases();
    this.trials = m.trials();
    this.fullCost = new double[members.length];
    if (pairs.length == 0) close(0, DecisionVerdict.SINGLE, "one deployment at this size");
  }

  boolean open() {
    for (DecisionVerdict v : memberVerdict) if (v == null) return true;
    return false;
  }

  /** Deployments this decision still needs called. */
  List<Integer> needed() {
    List<Integer> out = new ArrayList<>();
    if (!open()) return out;
    for (int i = 0; i < members.length; i++) if (contender[i]) out.add(members[i]);
    return out;
  }

  /** Adds a round's cases (all of whose needed cells are in) to every comparison still running. */
  void addRound(CellMatrix m, int[] cases) {
    if (!open()) return;
    for (int r = 0; r < memberVerdict.length; r++) {
      if (memberVerdict[r] != null) continue;
      memberRounds[r]++;
      for (int i : rowMembers(r)) {
        for (int c : cases) {
          for (int t = 1; t <= trials; t++) {
            memberCalls[r]++;
            memberCost[r] += m.cost(members[i], c, t);
          }
        }
      }
    }
    casesSeen += cases.length;
    for (int p = 0; p < pairs.length; p++) {
      if (!active(p)) continue;
      int a = members[pairs[p][0]];
      int b = members[pairs[p][1]];
      for (int c : cases) {
        if (m.complete(a, c) && m.complete(b, c)) values[p][counts[p]++] = metric.value(m, a, b, c);
      }
    }
  }

  /** The members a row's calls are counted over: the contenders of a ranking, or a subject and its reference. */
  private int[] rowMembers(int row) {
    if (equivalence) return new int[] {0, row + 1};
    return IntStream.range(0, members.length).filter(i -> contender[i]).toArray();
  }

  private boolean active(int p) {
    if (equivalence) return memberVerdict[pairs[p][0] - 1] == null;
    return contender[pairs[p][0]] && contender[pairs[p][1]];
  }

  /** Updates the decision after a round; {@code lastRound} closes what is still open as not settled. */
  void evaluate(boolean lastRound) {
    if (!open()) return;
    if (equivalence) evaluateEquivalence();
    else evaluateRanking();
    if (futility && !lastRound && open()) stopIfFutile();
    if (lastRound && open()) {
      String why = "matrix exhausted (" + casesSeen + " of " + totalCases + " cases)";
      for (int r = 0; r < memberVerdict.length; r++) if (memberVerdict[r] == null) close(r, DecisionVerdict.NOT_SETTLED, why);
    }
  }

  /** Closes what is open because the next round's cells are missing. */
  void incomplete(String why) {
    for (int r = 0; r < memberVerdict.length; r++) if (memberVerdict[r] == null) close(r, DecisionVerdict.NOT_SETTLED, why);
  }

  private void evaluateRanking() {
    boolean[] beaten = new boolean[members.length];
    for (int p = 0; p < pairs.length; p++) {
      if (!active(p)) continue;
      // The hedged test at 2a is the one-sided test at a.
      if (ConfidenceSequence.showsAbove(values[p], counts[p], 2 * beatAlpha, 0)) beaten[pairs[p][1]] = true;
      else if (ConfidenceSequence.showsBelow(values[p], counts[p], 2 * beatAlpha, 0)) beaten[pairs[p][0]] = true;
    }
    List<Integer> left = new ArrayList<>();
    for (int i = 0; i < members.length; i++) if (contender[i] && !beaten[i]) left.add(i);
    // Everyone beaten by someone (a cycle) can only follow an error of a test: drop no one on such evidence.
    if (left.isEmpty()) return;
    for (int i = 0; i < members.length; i++) if (beaten[i]) contender[i] = false;
    if (left.size() == 1) {
      close(0, DecisionVerdict.WINNER, "beats every other");
      return;
    }
    boolean allWithin = true;
    for (int p = 0; p < pairs.length && allWithin; p++) {
      if (!active(p)) continue;
      allWithin = within(values[p], counts[p], tieAlpha);
    }
    if (allWithin) close(0, DecisionVerdict.TIE, "no difference above " + marginText() + " left");
  }

  private void evaluateEquivalence() {
    for (int p = 0; p < pairs.length; p++) {
      if (!active(p)) continue;
      int row = pairs[p][0] - 1;
      double[] v = values[p];
      int n = counts[p];
      if (within(v, n, pairAlpha)) {
        close(row, DecisionVerdict.EQUIVALENT, "within " + marginText());
      } else if (ConfidenceSequence.showsAbove(v, n, pairAlpha, margin) || ConfidenceSequence.showsBelow(v, n, pairAlpha, -margin)) {
        close(row, DecisionVerdict.DIFFERENT, "differs by more than " + marginText());
      }
    }
  }

  /** Both one-sided tests at level {@code a} show the mean inside (−margin, margin); the hedged test at 2a is one. */
  private boolean within(double[] v, int n, double a) {
    return ConfidenceSequence.showsAbove(v, n, 2 * a, -margin) && ConfidenceSequence.showsBelow(v, n, 2 * a, margin);
  }

  /**
   * Closes as not settled what could not settle by the end of the matrix even if the mean difference over all N cases
   * came out as large (or, for a tie, as small) as the one-sided 95% bound of its predictive distribution: after n
   * cases with mean m and spread σ, the mean over all N is about normal around m with spread σ √((N − n) ÷ (N n))
   * (the cases left, and what is not yet known of the true difference). The capital a bet on a mean difference μ
   * gathers over N cases is about N μ² ÷ 2σ², and an interval's half-width at N cases about σ √(2 ln(1/a) ÷ N) at
   * one-sided level a. It never claims anything, so it cannot raise an error rate; it only saves the calls of a race
   * too close for the matrix.
   */
  private void stopIfFutile() {
    String why = "projected not to settle within the matrix (" + totalCases + " cases)";
    if (equivalence) {
      for (int p = 0; p < pairs.length; p++) {
        if (!active(p) || counts[p] < FUTILITY_MIN_CASES) continue;
        double[] f = figures(p);
        boolean equivalent = Math.max(0, Math.abs(f[0]) - f[2]) + halfWidth(f[1], pairAlpha) < margin;
        boolean different = Math.abs(f[0]) + f[2] - margin > halfWidth(f[1], pairAlpha / 2);
        if (!equivalent && !different) close(pairs[p][0] - 1, DecisionVerdict.NOT_SETTLED, why);
      }
      return;
    }
    double[] means = new double[pairs.length];
    for (int p = 0; p < pairs.length; p++) means[p] = active(p) ? FullRunDecision.mean(Arrays.copyOf(values[p], counts[p])) : Double.NaN;
    int lead = leader(means, contender);
    boolean winner = true;
    boolean tie = true;
    for (int p = 0; p < pairs.length; p++) {
      if (!active(p)) continue;
      if (counts[p] < FUTILITY_MIN_CASES) return;
      double[] f = figures(p);
      tie &= Math.max(0, Math.abs(f[0]) - f[2]) + halfWidth(f[1], tieAlpha) < margin;
      if (pairs[p][0] != lead && pairs[p][1] != lead) continue;
      double optimistic = (pairs[p][0] == lead ? f[0] : -f[0]) + f[2];
      double sd = Math.max(f[1], 0.05);
      winner &= optimistic > 0 && totalCases * optimistic * optimistic / (2 * sd * sd) >= Math.log(1 / beatAlpha);
    }
    if (!winner && !tie) close(0, DecisionVerdict.NOT_SETTLED, why);
  }

  /**
   * The leader: of the {@code eligible} members, the one whose mean differences against the others add up highest
   * (pairs with a NaN mean left out); the first such on a tie.
   */
  private int leader(double[] pairMeans, boolean[] eligible) {
    double[] advantage = new double[members.length];
    for (int p = 0; p < pairs.length; p++) {
      if (Double.isNaN(pairMeans[p])) continue;
      advantage[pairs[p][0]] += pairMeans[p];
      advantage[pairs[p][1]] -= pairMeans[p];
    }
    int lead = -1;
    for (int i = 0; i < members.length; i++) if (eligible[i] && (lead < 0 || advantage[i] > advantage[lead])) lead = i;
    return lead;
  }

  /**
   * Mean, standard deviation and the one-sided 95% margin of the predictive distribution of the mean over all the
   * matrix's cases, from a comparison's values so far.
   */
  private double[] figures(int p) {
    double[] v = Arrays.copyOf(values[p], counts[p]);
    double sd = v.length > 1 ? CaseDifferences.sd(v) : 1;
    double left = Math.max(0, 1 - (double) v.length / totalCases);
    return new double[] {FullRunDecision.mean(v), sd, FUTILITY_Z * sd * Math.sqrt(left / v.length)};
  }

  /** About the margin of a one-sided level-a bound over the whole matrix. */
  private double halfWidth(double sd, double a) {
    return Math.max(sd, 0.05) * Math.sqrt(2 * Math.log(1 / a) / totalCases);
  }

  private String marginText() {
    if (metric == PairedMetric.SPEED) {
      return String.format(Locale.ROOT, "%.0f%%", (Math.exp(margin * PairedMetric.LOG_CLIP) - 1) * 100);
    }
    return String.format(Locale.ROOT, "%.1f points", margin * 100);
  }

  private void close(int row, DecisionVerdict verdict, String because) {
    if (equivalence && row + 1 < contender.length) contender[row + 1] = false;
    memberVerdict[row] = verdict;
    memberBecause[row] = because;
  }

  /** Remembers the full matrix's cost per deployment (exact for a full run, an estimate otherwise). */
  void costIfFull(CellMatrix m) {
    for (int i = 0; i < members.length; i++) fullCost[i] = m.meanCost(members[i]) * m.cases() * m.trials();
  }

  /** The decision's rows: one for a ranking, one per compared deployment for an equivalence. */
  List<DecisionResult> results() {
    List<DecisionResult> out = new ArrayList<>();
    long perDeployment = (long) totalCases * trials;
    for (int r = 0; r < memberVerdict.length; r++) {
      DecisionVerdict v = memberVerdict[r] == null ? DecisionVerdict.NOT_SETTLED : memberVerdict[r];
      String because = memberBecause[r] == null ? DecisionResult.OPEN : memberBecause[r];
      double[] bounds = keyBounds(r);
      if (equivalence) {
        out.add(new DecisionResult(spec.label(), size, labels[r + 1], v, null, memberCalls[r], 2 * perDeployment,
            memberCost[r], fullCost[0] + fullCost[r + 1], memberRounds[r], counts[r], bounds[0], bounds[1], because));
      } else {
        String winner = switch (v) {
          case WINNER -> labels[leader()];
          case TIE -> contenders();
          default -> null;
        };
        int cases = Arrays.stream(counts).max().orElse(0);
        out.add(new DecisionResult(spec.label(), size, null, v, winner, memberCalls[0], members.length * perDeployment,
            memberCost[0], Arrays.stream(fullCost).sum(), memberRounds[0], cases, bounds[0], bounds[1], because));
      }
    }
    return out;
  }

  /** The same decision made once on every case of a full matrix, with the fixed-size tests ({@link FullRunDecision}). */
  List<DecisionResult> fixedSize(CellMatrix full, double alpha) {
    double[][] d = new double[pairs.length][];
    for (int p = 0; p < pairs.length; p++) {
      int a = members[pairs[p][0]];
      int b = members[pairs[p][1]];
      List<Double> v = new ArrayList<>();
      for (int c = 0; c < full.cases(); c++) if (full.complete(a, c) && full.complete(b, c)) v.add(metric.value(full, a, b, c));
      d[p] = v.stream().mapToDouble(Double::doubleValue).toArray();
    }
    long perDeployment = (long) full.cases() * full.trials();
    List<DecisionResult> out = new ArrayList<>();
    if (pairs.length == 0) {
      out.add(new DecisionResult(spec.label(), size, null, DecisionVerdict.SINGLE, null, 0, perDeployment, 0, 0, 0, 0,
          Double.NaN, Double.NaN, "one deployment at this size"));
      return out;
    }
    if (equivalence) {
      for (int p = 0; p < pairs.length; p++) {
        // TOST at α/k for equivalent (the (1 − 2α/k) interval inside the margin), two-sided α/k for differs.
        double[] tost = FullRunDecision.interval(d[p], 2 * alpha / pairs.length);
        double[] ci = FullRunDecision.interval(d[p], alpha / pairs.length);
        DecisionVerdict v = tost[0] > -margin && tost[1] < margin ? DecisionVerdict.EQUIVALENT
            : ci[0] > margin || ci[1] < -margin ? DecisionVerdict.DIFFERENT : DecisionVerdict.NOT_SETTLED;
        out.add(new DecisionResult(spec.label(), size, labels[pairs[p][0]], v, null, 2 * perDeployment, 2 * perDeployment,
            0, 0, 1, d[p].length, ci[0], ci[1], "fixed-size"));
      }
      return out;
    }
    // The adaptive rule once, with fixed-size tests: Holm over every pair of the size (as analyze's ranking) drops
    // whoever is beaten; one left wins, several left within the margin of each other tie.
    double[] adjusted = Holm.adjust(Arrays.stream(d).mapToDouble(FullRunDecision::pValue).toArray());
    boolean[] left = new boolean[members.length];
    Arrays.fill(left, true);
    for (int p = 0; p < pairs.length; p++) {
      if (adjusted[p] >= alpha) continue;
      left[FullRunDecision.mean(d[p]) > 0 ? pairs[p][1] : pairs[p][0]] = false;
    }
    int[] standing = IntStream.range(0, members.length).filter(i -> left[i]).toArray();
    boolean allWithin = standing.length > 1;
    for (int p = 0; p < pairs.length; p++) if (left[pairs[p][0]] && left[pairs[p][1]]) allWithin &= withinFixed(d[p], alpha);
    DecisionVerdict v = standing.length == 1
        ? (withinFixed(d[closest(d, standing[0])], alpha) ? DecisionVerdict.LEADS_WITHIN_MARGIN : DecisionVerdict.WINNER)
        : allWithin ? DecisionVerdict.TIE : DecisionVerdict.NOT_SETTLED;
    String winner = v == DecisionVerdict.TIE ? Arrays.stream(standing).mapToObj(i -> labels[i]).collect(Collectors.joining(", "))
        : v.claimsDifference() ? labels[standing[0]] : null;
    out.add(new DecisionResult(spec.label(), size, null, v, winner, members.length * perDeployment,
        members.length * perDeployment, 0, 0, 1, full.cases(), Double.NaN, Double.NaN, "fixed-size"));
    return out;
  }

  /** Both one-sided fixed-size tests at α show the mean of {@code v} inside (−margin, margin). */
  private boolean withinFixed(double[] v, double alpha) {
    double[] tost = FullRunDecision.interval(v, 2 * alpha);
    return tost[0] > -margin && tost[1] < margin;
  }

  /** The pair of {@code lead} with the smallest lead: its closest rival. */
  private int closest(double[][] d, int lead) {
    int best = -1;
    double smallest = Double.POSITIVE_INFINITY;
    for (int p = 0; p < pairs.length; p++) {
      if (pairs[p][0] != lead && pairs[p][1] != lead) continue;
      double ahead = FullRunDecision.mean(d[p]) * (pairs[p][0] == lead ? 1 : -1);
      if (ahead < smallest) {
        smallest = ahead;
        best = p;
      }
    }
    return best;
  }

  private int leader() {
    for (int i = 0; i < members.length; i++) if (contender[i]) return i;
    return -1;
  }

  private String contenders() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < members.length; i++) if (contender[i]) out.add(labels[i]);
    return out.stream().collect(Collectors.joining(", "));
  }

  /**
   * The interval behind the row: for a winner its smallest lead over the others it was compared with last, for an
   * equivalence the subject − reference; NaN when there is no comparison.
   */
  private double[] keyBounds(int row) {
    if (equivalence) {
      Bounds b = ConfidenceSequence.of(values[row], counts[row], pairAlpha);
      return counts[row] == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {b.low(), b.high()};
    }
    if (memberVerdict[0] != DecisionVerdict.WINNER) return new double[] {Double.NaN, Double.NaN};
    int w = leader();
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NaN;
    for (int p = 0; p < pairs.length; p++) {
      if (pairs[p][0] != w && pairs[p][1] != w) continue;
      if (counts[p] == 0) continue;
      Bounds b = ConfidenceSequence.of(values[p], counts[p], 2 * beatAlpha);
      double lo = pairs[p][0] == w ? b.low() : -b.high();
      double hi = pairs[p][0] == w ? b.high() : -b.low();
      if (lo < low) {
        low = lo;
        high = hi;
      }
    }
    return Double.isInfinite(low) ? new double[] {Double.NaN, Double.NaN} : new double[] {low, high};
  }
}
