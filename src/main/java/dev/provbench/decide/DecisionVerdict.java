package dev.provbench.decide;

/** How a decision ended, as the {@code decisions} table writes it. */
public enum DecisionVerdict {
  /** One deployment beats every other at the decision's confidence. */
  WINNER("winner"),
  /**
   * Of a full run's fixed-size decision only: one deployment beats every other, and the closest one is shown within
   * the margin of it. An adaptive run that names that winner, or a tie that includes it, reaches the same decision.
   */
  LEADS_WITHIN_MARGIN("winner, within margin of the next"),
  /** The deployments still in contention differ by less than the margin: no difference larger than it. */
  TIE("tie within margin"),
  /** Within the margin of the reference. */
  EQUIVALENT("equivalent"),
  /** Differs from the reference by more than the margin. */
  DIFFERENT("differs"),
  /** Neither: the matrix ran out (or its cells did) before the evidence was enough. Never a coin flip called a winner. */
  NOT_SETTLED("not settled"),
  /** Nothing to compare: one deployment at the size. */
  SINGLE("one deployment");

  private final String text;

  DecisionVerdict(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** A claim that something differs: what a null profile must (almost) never produce. */
  public boolean claimsDifference() {
    return this == WINNER || this == LEADS_WITHIN_MARGIN || this == DIFFERENT;
  }
}
