package dev.provbench.preflight;

import java.util.Locale;

/** The estimate as the console shows it before a run: a line per provider × model, the totals and what they assume. */
public final class EstimateText {
  private static final String ROW = "  %-18s %-40s %7s %13s %17s %12s %10s%n";

  private EstimateText() {}

  public static String render(RunEstimate e) {
    StringBuilder out = new StringBuilder("estimate, before any call:\n");
    out.append(String.format(Locale.ROOT, ROW, "provider", "model", "cells", "prompt tokens", "completion tok <=",
        "cost <=", "wall >="));
    for (ModelEstimate m : e.models()) {
      out.append(String.format(Locale.ROOT, ROW, m.provider(), m.model(), m.cells(), m.promptTokens(),
          m.maxCompletionTokens(), cost(m), seconds(m.minWallSeconds())));
    }
    out.append(String.format(Locale.ROOT, ROW, "total", "", e.cells(), e.promptTokens(), e.maxCompletionTokens(),
        usd(e.maxCostUsd()), seconds(e.minWallSeconds())));
    out.append(String.format(Locale.ROOT, "  calls: %d (one per cell), at most %d with retries (retry.max_attempts %d)%n",
        e.cells(), e.cells() * e.maxAttempts(), e.maxAttempts()));
    out.append(String.format(Locale.ROOT, "  prompt tokens: about 4 characters a token of every rendered prompt;"
        + " completion tokens and cost: every answer at max_tokens %d (retries not priced)%n", e.maxTokens()));
    out.append(String.format(Locale.ROOT, "  wall time: at least ceil(cells / concurrency) x %.1f s per call (assumed"
        + " latency, --assumed-latency-ms); models run side by side%n", e.latencySeconds()));
    return out.toString();
  }

  private static String cost(ModelEstimate m) {
    if (m.maxCostUsd() != null) return usd(m.maxCostUsd());
    return m.usdPerHour() != null ? String.format(Locale.ROOT, "$%.2f/h", m.usdPerHour()) : "unpriced";
  }

  public static String usd(double v) {
    return String.format(Locale.ROOT, v < 1 ? "$%.4f" : "$%.2f", v);
  }

  private static String seconds(double s) {
    return s < 120 ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.1f min", s / 60);
  }
}
