package dev.provbench.job;

import java.util.Arrays;
import java.util.List;

/** What an adaptive run is asked to decide; each is decided per size. */
public enum DecisionKind {
  /** Which deployment at a size has the highest mean accuracy (its primary scorer; failures score 0). */
  MOST_ACCURATE("most_accurate"),
  /** Which deployment at a size answers fastest (paired duration ratio; a failed cell counts as slowest). */
  FASTEST("fastest"),
  /** Whether each deployment's accuracy is within the margin of a reference deployment's, at its size. */
  EQUIVALENT_TO("equivalent_to");

  private final String word;

  DecisionKind(String word) {
    this.word = word;
  }

  /** The job file's word for it. */
  public String word() {
    return word;
  }

  public static DecisionKind of(String word) {
    return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst().orElse(null);
  }

  public static List<String> words() {
    return Arrays.stream(values()).map(DecisionKind::word).toList();
  }
}
