package dev.provbench.score;

import java.io.Serializable;

/**
 * A scorer as a job names it: text only, so it ships to executors, which build the {@link Scorer} once per cell
 * batch through {@link ScorerCatalog#create}.
 *
 * @param type    one of {@link ScorerCatalog#TYPES}, e.g. {@code ExactMatch}.
 * @param name    the label stored in the {@code scores} column; default the type ({@code CorrectScore} for the
 *                reference task's NumericDiff).
 * @param options the scorer's options as a JSON object text ({@code {"ignore_case": true}}); {@code {}} for none.
 */
public record ScorerSpec(String type, String name, String options) implements Serializable {

  public static ScorerSpec of(String type) {
    return new ScorerSpec(type, type, "{}");
  }
}
