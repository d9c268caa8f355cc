package dev.provbench.analysis;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A fixed band of prompt length, by the {@code prompt_tokens} the provider reported (or provbench estimated): the
 * rows of {@link SpeedByPromptSize}. Fixed rather than quantiles so that bands mean the same in every run.
 */
public enum PromptBand {
  UNDER_1K("< 1k", 1_000),
  FROM_1K("1k–4k", 4_000),
  FROM_4K("4k–16k", 16_000),
  FROM_16K("≥ 16k", Long.MAX_VALUE);

  private final String label;
  private final long below;

  PromptBand(String label, long below) {
    this.label = label;
    this.below = below;
  }

  /** {@code < 1k}, {@code 1k–4k}, … tokens. */
  public String label() {
    return label;
  }

  /** The band of a prompt of {@code tokens} tokens. */
  static PromptBand of(long tokens) {
    for (PromptBand b : values()) if (tokens < b.below) return b;
    throw new AssertionError("the last band is unbounded");
  }

  /** SQL giving the band's ordinal for an integer {@code column}: the same rule as {@link #of(long)}. */
  static String sql(String column) {
    return "CASE " + Arrays.stream(values()).limit(values().length - 1L)
        .map(b -> "WHEN " + column + " < " + b.below + " THEN " + b.ordinal()).collect(Collectors.joining(" "))
        + " ELSE " + (values().length - 1) + " END";
  }
}
