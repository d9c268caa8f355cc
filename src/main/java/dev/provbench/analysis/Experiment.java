package dev.provbench.analysis;

import java.util.Comparator;

/**
 * One experiment: a provider's model at one size. The tables label it by provider within its size.
 *
 * @param provider the provider's display name.
 * @param model    the model id as the provider names it.
 * @param size     the model size, e.g. {@code 8b}.
 */
public record Experiment(String provider, String model, String size) {
  /** Size (numerically), then provider, then model. */
  public static final Comparator<Experiment> ORDER = Comparator.comparing(Experiment::size, SizeOrder.COMPARATOR)
      .thenComparing(Experiment::provider).thenComparing(Experiment::model);

  /** A stable text key, also used to seed each experiment's bootstrap. */
  public String key() {
    return provider + " | " + model + " | " + size;
  }

  /** {@code Provider 1 at 8b}. */
  public String label() {
    return provider + " at " + size;
  }
}
