package dev.provbench.decide;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One decision of an adaptive run (or of a replay), one row of the {@code decisions} table. Immutable.
 *
 * @param decision    {@code most_accurate}, {@code fastest} or {@code equivalent_to REF}.
 * @param size        the size decided.
 * @param subject     for an equivalence, the deployment compared with the reference; null otherwise.
 * @param verdict     how it ended.
 * @param winner      the winning deployment (its provider, or provider/model when a provider has two at the size);
 *                    for a tie, the deployments tied; null otherwise.
 * @param calls       cells the decision asked for while it was open (a cell two decisions need counts in each).
 * @param callsIfFull cells of its deployments in the full matrix (cases × trials each).
 * @param costUsd     what those calls cost.
 * @param costIfFull  what the full matrix of its deployments costs: the full run's cost in a replay, else the
 *                    mean cost per cell so far × the full matrix (an estimate).
 * @param rounds      rounds it was open for.
 * @param cases       cases it rests on.
 * @param low         the lower end of its key comparison's anytime-valid interval (the winner's smallest lead, or the
 *                    subject − reference), in the metric's units; NaN when there is none.
 * @param high        the upper end.
 * @param because     why it stopped, in words.
 */
public record DecisionResult(String decision, String size, String subject, DecisionVerdict verdict, String winner,
    long calls, long callsIfFull, double costUsd, double costIfFull, int rounds, int cases, double low, double high,
    String because) {

  /** The {@code because} of a decision still open. */
  public static final String OPEN = "open";

  public double shareOfFull() {
    return callsIfFull == 0 ? 0 : (double) calls / callsIfFull;
  }

  /** Identifies the row across replays: decision, size and subject. */
  public String key() {
    return decision + "|" + size + "|" + (subject == null ? "" : subject);
  }

  /**
   * Same verdict, same winner; against a full run's {@link DecisionVerdict#LEADS_WITHIN_MARGIN}, its winner or a tie
   * that includes it.
   */
  public boolean agrees(DecisionResult other) {
    if (other.verdict == DecisionVerdict.LEADS_WITHIN_MARGIN) {
      return verdict == DecisionVerdict.WINNER ? Objects.equals(winner, other.winner)
          : verdict == DecisionVerdict.TIE && winner != null && List.of(winner.split(", ")).contains(other.winner);
    }
    return verdict == other.verdict && Objects.equals(winner, other.winner);
  }

  /**
   * The key comparison's interval in the decision's own terms: accuracy in points, speed as a duration ratio
   * (each case's ratio clipped at {@value PairedMetric#CLIP_RATIO}); null when there is none.
   */
  public String interval() {
    if (Double.isNaN(low)) return null;
    if (decision.startsWith("fastest")) {
      return String.format(Locale.ROOT, "%.2f-%.2fx faster", Math.exp(low * PairedMetric.LOG_CLIP), Math.exp(high * PairedMetric.LOG_CLIP));
    }
    return String.format(Locale.ROOT, "%+.1f to %+.1f points", low * 100, high * 100);
  }

  /** "At 8b, Provider 1 is most accurate (95% anytime-valid); decided after 214 of 540 calls, $0.11 of $0.28." */
  public String sentence(double confidence) {
    String level = String.format(Locale.ROOT, "%.0f%% anytime-valid", confidence * 100);
    String what = switch (verdict) {
      case WINNER -> winner + " is " + (decision.startsWith("fastest") ? "fastest" : "most accurate") + " (" + level + ")";
      case LEADS_WITHIN_MARGIN -> winner + " is " + (decision.startsWith("fastest") ? "fastest" : "most accurate")
          + ", by less than the margin (" + level + ")";
      case TIE -> "no difference larger than the margin among " + winner + " (" + level + ")";
      case EQUIVALENT -> subject + " is within the margin of " + decision.substring("equivalent_to ".length()) + " (" + level + ")";
      case DIFFERENT -> subject + " differs from " + decision.substring("equivalent_to ".length()) + " by more than the margin (" + level + ")";
      case NOT_SETTLED -> decision.replace('_', ' ') + (subject == null ? "" : " for " + subject) + " is not settled";
      case SINGLE -> "one deployment, nothing to decide";
    };
    String cost = costIfFull > 0 ? String.format(Locale.ROOT, ", $%.2f of $%.2f", costUsd, costIfFull) : "";
    String after = verdict == DecisionVerdict.NOT_SETTLED ? "; " + because + " after " : "; decided after ";
    return "At " + size + ", " + what + after + calls + " of " + callsIfFull + " calls" + cost + ".";
  }
}
