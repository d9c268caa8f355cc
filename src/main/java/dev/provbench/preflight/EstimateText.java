package dev.provbench.preflight;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The estimate as the console shows it before a run: a line per provider × model, the totals and what they assume. */
public final class EstimateText {
  private static final String ROW = "  %-18s %-40s %7s %13s %14s %17s %10s %12s %10s%n";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private EstimateText() {}

  public static String render(RunEstimate e) {
    StringBuilder out = new StringBuilder("estimate, before any call:\n");
    out.append(String.format(Locale.ROOT, ROW, "provider", "model", "cells", "prompt tokens", "completion typ",
        "completion tok <=", "cost typ", "cost <=", "wall >="));
    for (ModelEstimate m : e.models()) {
      out.append(String.format(Locale.ROOT, ROW, m.provider(), m.model(), m.cells(), m.promptTokens(),
          orDash(m.typicalCompletionTokens()), m.maxCompletionTokens(), typicalCost(m), cost(m),
          seconds(m.minWallSeconds())));
    }
    out.append(String.format(Locale.ROOT, ROW, "total", "", e.cells(), e.promptTokens(), orDash(e.typicalCompletionTokens()),
        e.maxCompletionTokens(), e.typicalCostUsd() == null ? "-" : usd(e.typicalCostUsd()), usd(e.maxCostUsd()),
        seconds(e.minWallSeconds())));
    out.append(String.format(Locale.ROOT, "  calls: %d (one per cell), at most %d with retries (retry.max_attempts %d)%n",
        e.cells(), e.cells() * e.maxAttempts(), e.maxAttempts()));
    out.append(e.allChecked() ? "  prompt tokens: every rendered prompt's characters x the tokens per character the"
        + " server reported in the check\n"
        : "  prompt tokens: every rendered prompt, x the tokens per character the server reported in the check where"
            + " checked, else at about 4 characters a token\n");
    out.append(String.format(Locale.ROOT, "  completion tokens and cost: typical = the mean answer of the check's calls"
        + " x cells; upper bound = every answer at max_tokens %d (retries not priced)%n", e.maxTokens()));
    out.append(String.format(Locale.ROOT, "  wall time: at least ceil(cells / concurrency) x the latency of one call:"
        + " the check's median where checked, else %.1f s assumed (--assumed-latency-ms); models run side by side%n",
        e.latencySeconds()));
    out.append(checks(e));
    return out.toString();
  }

  /** Which check each model's figures came from, and how to get one for the rest. */
  private static String checks(RunEstimate e) {
    StringBuilder out = new StringBuilder();
    Map<Instant, List<ModelEstimate>> byCheck = new TreeMap<>(e.models().stream().filter(m -> m.checked() != null)
        .collect(Collectors.groupingBy(m -> m.checked().takenAt())));
    for (Map.Entry<Instant, List<ModelEstimate>> c : byCheck.entrySet()) {
      out.append(String.format(Locale.ROOT, "  from check at %s (%s): %s%n", WHEN.format(c.getKey()), e.checkFile(),
          c.getValue().stream().map(m -> m.provider() + " / " + m.model() + " (" + m.checked().calls() + " calls, "
              + m.checked().latencyMs() + " ms" + (m.checked().serverUsage() ? "" : ", usage estimated") + ")")
              .collect(Collectors.joining(", "))));
    }
    List<String> unchecked = e.models().stream().filter(m -> m.checked() == null)
        .map(m -> m.provider() + " / " + m.model()).toList();
    if (unchecked.size() == e.models().size()) {
      out.append("  typical completion tokens and cost: run `provbench check JOB` for a typical figure"
          + (e.checkFile() == null ? "" : " (it saves what it measured to " + e.checkFile() + ")") + "\n");
    } else if (!unchecked.isEmpty()) {
      out.append("  not in the check (or checked at another base URL): " + String.join(", ", unchecked)
          + ": run `provbench check JOB` for a typical figure\n");
    }
    return out.toString();
  }

  private static String orDash(Long v) {
    return v == null ? "-" : v.toString();
  }

  private static String typicalCost(ModelEstimate m) {
    if (m.typicalCostUsd() != null) return usd(m.typicalCostUsd());
    return m.usdPerHour() != null ? String.format(Locale.ROOT, "$%.2f/h", m.usdPerHour()) : "-";
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
