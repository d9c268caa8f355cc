package dev.provbench.job;

import java.io.Serializable;

/**
 * One decision an adaptive run is asked to reach. Immutable.
 *
 * @param kind      what is decided.
 * @param reference for {@link DecisionKind#EQUIVALENT_TO}: the reference deployment, {@code PROVIDER} (its model
 *                  at each size) or {@code PROVIDER/MODEL}; null otherwise.
 */
public record DecisionSpec(DecisionKind kind, String reference) implements Serializable {
  public static final DecisionSpec MOST_ACCURATE = new DecisionSpec(DecisionKind.MOST_ACCURATE, null);
  public static final DecisionSpec FASTEST = new DecisionSpec(DecisionKind.FASTEST, null);

  /** {@code most_accurate}, {@code fastest}, {@code equivalent_to Provider 1}. */
  public String label() {
    return reference == null ? kind.word() : kind.word() + " " + reference;
  }
}
