package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Insight;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each provider's prefix cache served: the share of prompt tokens it reported as cached, how many answered cells
 * hit it, the median time to first token with and without a hit, and the cost with cached tokens at the price list's
 * {@code cached_input_per_1m}. Shown when some answered cell reports {@code cached_tokens}.
 */
public final class CacheTable {
  public static final String ID = "cache";

  private CacheTable() {}

  /** Whether the table has something to say: some experiment reports cached tokens. */
  public static boolean worthShowing(List<CacheFigures> figures) {
    return figures.stream().anyMatch(CacheFigures::reportsCache);
  }

  public static AnalysisTable of(List<CacheFigures> figures) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Prefix cache: cached prompt tokens and time to first token",
        text("size"), text("provider"), text("model"), number("answered", "%d"), number("prompt tokens", "%d"),
        number("cached tokens", "%d"), number("cached share", "%.1f%%"), number("cells with a hit", "%d"),
        number("TTFT p50 hit s", "%.3f"), number("TTFT p50 miss s", "%.3f"), number("cost $", "%.4f"));
    for (CacheFigures f : figures) {
      Experiment e = f.experiment();
      t.row(e.size(), e.provider(), e.model(), f.answered(), f.promptTokens(), f.cachedTokens(),
          f.cachedShare() == null ? null : f.cachedShare() * 100, f.hits(), SqlAggregates.div(f.ttftHitP50Ms(), 1000),
          SqlAggregates.div(f.ttftMissP50Ms(), 1000), f.costUsd());
    }
    return t.build("answered cells; cached share = Σ cached_tokens ÷ Σ prompt_tokens of the answered cells whose"
        + " provider reports cached_tokens (empty: it reports none); a hit is a cell with cached_tokens above 0; TTFT"
        + " medians without intervals; cost of every cell, cached tokens at the price list's cached_input_per_1m");
  }

  /** Per experiment whose cache served a share of the prompt: how much, and what a hit did to TTFT. */
  public static List<Insight> insights(List<CacheFigures> figures) {
    List<Insight> out = new ArrayList<>();
    for (CacheFigures f : figures) {
      Double share = f.cachedShare();
      if (share == null || share == 0 || f.ttftHitP50Ms() == null || f.ttftMissP50Ms() == null) continue;
      Experiment e = f.experiment();
      out.add(new Insight(String.format(Locale.ROOT, "%s (%s): its prefix cache served %.0f%% of prompt tokens; time"
              + " to first token was %.2f s with a hit against %.2f s without.", e.label(), e.model(), share * 100,
              f.ttftHitP50Ms() / 1000, f.ttftMissP50Ms() / 1000),
          String.format(Locale.ROOT, "%d of %d prompt tokens cached; %d of %d answered cells hit; medians without"
              + " intervals (table %s)", f.cachedTokens(), f.promptTokens(), f.hits(), f.answered(), ID)));
    }
    return out;
  }
}
