package dev.provbench.results;

/**
 * What a decision reads of one cell: who answered which case and trial, how well, how fast and for how much.
 * Immutable.
 *
 * @param provider   the provider.
 * @param model      the model id.
 * @param size       the size label.
 * @param caseId     the case.
 * @param trial      the trial, from 1.
 * @param score      the primary score ({@code correct_score}); 0 when the cell has none (a failure scores 0).
 * @param durationMs the cell's duration when it was answered; NaN when it failed.
 * @param costUsd    what the cell cost; 0 when unpriced.
 */
public record CellOutcome(String provider, String model, String size, String caseId, int trial, double score,
    double durationMs, double costUsd) {

  public boolean answered() {
    return !Double.isNaN(durationMs);
  }
}
