package dev.provbench.analysis.trend;

import java.util.Locale;

/**
 * Which comparisons of a series are tested, and over which of them Holm's adjustment holds the family-wise error
 * at {@link Trend#ALPHA}: the question the reader asks. Immutable.
 *
 * <ul>
 *   <li>{@link Kind#SERIES} (the default): each run against the one before, Holm over every comparison of the
 *       series (both metrics): "did anything change anywhere?", at 5% for the whole series.</li>
 *   <li>{@link Kind#METRIC}: the same comparisons, Holm within each metric: "did accuracy change?" and "did latency
 *       change?" each at 5% (so up to 10% for the two together). Halves the family, so smaller changes pass.</li>
 *   <li>{@link Kind#BASELINE}: each run against one fixed run ({@code --baseline RUN}), Holm over those comparisons
 *       (both metrics): "has anything moved away from the run we accepted?". One comparison fewer per experiment
 *       than consecutive pairs, and a change stays visible in every later run.</li>
 * </ul>
 *
 * @param kind     what the family is.
 * @param baseline the fixed run of {@link Kind#BASELINE}; null otherwise.
 */
public record TrendFamily(Kind kind, String baseline) {
  public static final TrendFamily SERIES = new TrendFamily(Kind.SERIES, null);
  public static final TrendFamily PER_METRIC = new TrendFamily(Kind.METRIC, null);

  /** The families {@code trend --family} names. */
  public enum Kind {
    SERIES, METRIC, BASELINE;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public TrendFamily {
    if ((kind == Kind.BASELINE) != (baseline != null)) {
      throw new IllegalArgumentException("a baseline run goes with the baseline family only: " + kind + ", " + baseline);
    }
  }

  public static TrendFamily baseline(String runId) {
    return new TrendFamily(Kind.BASELINE, runId);
  }

  /** True when {@code a} and {@code b} are tested in one Holm family. */
  boolean together(TrendChange a, TrendChange b) {
    return kind != Kind.METRIC || a.metric() == b.metric();
  }

  /** Says what was compared and what the adjustment covers, e.g. for a table's coverage line. */
  public String describe() {
    String level = Math.round(Trend.ALPHA * 100) + "%";
    return switch (kind) {
      case SERIES -> "each run against the one before; Holm over every comparison of the series at " + level
          + " family-wise";
      case METRIC -> "each run against the one before; Holm within each metric at " + level
          + " family-wise per metric";
      case BASELINE -> "each run against run " + baseline + "; Holm over every comparison with it at " + level
          + " family-wise";
    };
  }
}
