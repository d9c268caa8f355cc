package dev.provbench.stats;

import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * An equivalence test of a deployment against a reference on paired per-case differences (see
 * {@link CaseDifferences}): a paired t-interval on the per-case mean differences (Student's t with n − 1 degrees of
 * freedom, as {@link PairedT}), read as two one-sided tests (TOST) against ±margin at α = 0.05. Figures in score units (×100 for points). Immutable.
 *
 * @param cases      the cases both ran.
 * @param difference mean per-case difference, deployment − reference.
 * @param sd         the sample standard deviation of the per-case differences.
 * @param low90      lower end of the 90% interval (each TOST side at 5%).
 * @param high90     upper end of the 90% interval.
 * @param low95      lower end of the 95% interval (the two-sided test of a difference).
 * @param high95     upper end of the 95% interval.
 * @param margin     the equivalence margin, e.g. 0.02 for ±2 points.
 * @param verdict    what the intervals allow to say.
 * @param moreCases  for an inconclusive verdict, how many more cases (same per-case SD, same trials) would
 *                   decide it: for |difference| < margin, until the 90% half-width ≤ margin − |difference|;
 *                   otherwise until the 95% half-width ≤ |difference|. Null when not inconclusive or unknown.
 */
public record Equivalence(int cases, double difference, double sd, double low90, double high90, double low95,
    double high95, double margin, Verdict verdict, Long moreCases) {

  /** What an equivalence test concludes. */
  public enum Verdict {
    /** The 90% interval lies within ±margin: both one-sided tests reject. */
    EQUIVALENT,
    /** The 95% interval excludes 0 and the TOST fails. */
    DIFFERENT,
    /** Neither. */
    INCONCLUSIVE,
    /** Fewer than two shared cases: no interval. */
    TOO_FEW_CASES
  }

  /** Tests per-case differences {@code d} (deployment − reference) against ±{@code margin}. */
  public static Equivalence test(double[] d, double margin) {
    int n = d.length;
    double mean = CaseDifferences.mean(d);
    if (n < 2) return new Equivalence(n, mean, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, margin,
        Verdict.TOO_FEW_CASES, null);
    double sd = CaseDifferences.sd(d);
    double se = sd / Math.sqrt(n);
    TDistribution t = new TDistribution(null, n - 1);
    double h90 = t.inverseCumulativeProbability(0.95) * se;
    double h95 = t.inverseCumulativeProbability(0.975) * se;
    Verdict verdict;
    if (mean - h90 > -margin && mean + h90 < margin) verdict = Verdict.EQUIVALENT;
    else if (mean - h95 > 0 || mean + h95 < 0) verdict = Verdict.DIFFERENT;
    else verdict = Verdict.INCONCLUSIVE;
    Long more = verdict == Verdict.INCONCLUSIVE ? moreCases(n, Math.abs(mean), sd, margin) : null;
    return new Equivalence(n, mean, sd, mean - h90, mean + h90, mean - h95, mean + h95, margin, verdict, more);
  }

  /**
   * Extra cases for an inconclusive result, planned with normal quantiles: the cases N with
   * z × sd ÷ √N ≤ the distance left to decide, less the {@code n} already run.
   */
  static Long moreCases(int n, double absDifference, double sd, double margin) {
    double room = absDifference < margin ? margin - absDifference : absDifference;
    double z = absDifference < margin ? Normal.Z_95 : Normal.Z_975;
    if (!(room > 0) || Double.isNaN(sd)) return null;
    double needed = Math.ceil(Math.pow(z * sd / room, 2));
    return Math.max(1L, (long) needed - n);
  }

  /** {@code equivalent to the reference}, {@code different: worse by 8.1 points (95% CI −12.0 to −4.2)}, … */
  public String describe() {
    return switch (verdict) {
      case EQUIVALENT -> "equivalent to the reference";
      case DIFFERENT -> String.format(Locale.ROOT, "different: %s by %.1f points (95%% CI %+.1f to %+.1f)",
          difference < 0 ? "worse" : "better", Math.abs(difference) * 100, low95 * 100, high95 * 100);
      case INCONCLUSIVE -> "inconclusive";
      case TOO_FEW_CASES -> "too few shared cases";
    };
  }
}
