package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Insight;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A multi-turn run turn by turn: per experiment and turn, the cells, their accuracy, failures (turns never sent
 * because an earlier one failed among them), the median time to first token and the prompt's mean length and cached
 * share as the conversation grows. Shown for a run whose cells are turns of conversations.
 */
public final class TurnsTable {
  public static final String ID = "turns";

  private TurnsTable() {}

  public static AnalysisTable of(List<CacheFigures> byTurn) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Turns: accuracy and speed as the conversation grows",
        text("size"), text("provider"), text("model"), number("turn", "%d"), number("cells", "%d"),
        number("failed", "%d"), number("accuracy", "%.3f"), number("TTFT p50 s", "%.3f"),
        number("prompt tokens", "%.0f"), number("cached share", "%.1f%%"));
    for (CacheFigures f : byTurn) {
      Experiment e = f.experiment();
      t.row(e.size(), e.provider(), e.model(), (long) f.turn(), f.cells(), f.failed(), f.accuracy(),
          SqlAggregates.div(f.ttftP50Ms(), 1000), f.meanPrompt(), f.cachedShare() == null ? null : f.cachedShare() * 100);
    }
    return t.build("every turn of every conversation and trial; accuracy = mean primary score, a failed or unsent turn"
        + " scoring 0; later turns have only the conversations that long, so means without intervals; TTFT median and"
        + " mean prompt tokens of the answered turns; cached share as in table " + CacheTable.ID);
  }

  /** Per experiment whose accuracy at its last turn differs from its first: from what to what. */
  public static List<Insight> insights(List<CacheFigures> byTurn) {
    Map<Experiment, List<CacheFigures>> byExperiment = new LinkedHashMap<>();
    for (CacheFigures f : byTurn) byExperiment.computeIfAbsent(f.experiment(), k -> new ArrayList<>()).add(f);
    List<Insight> out = new ArrayList<>();
    byExperiment.forEach((e, turns) -> {
      CacheFigures first = turns.get(0);
      CacheFigures last = turns.get(turns.size() - 1);
      if (turns.size() < 2 || first.accuracy() == null || last.accuracy() == null) return;
      String sentence = last.accuracy().equals(first.accuracy())
          ? String.format(Locale.ROOT, "%s (%s): accuracy stays at %.0f%% from turn %d to turn %d.", e.label(), e.model(),
              first.accuracy() * 100, first.turn(), last.turn())
          : String.format(Locale.ROOT, "%s (%s): accuracy %s from %.0f%% at turn %d to %.0f%% at turn %d.", e.label(),
              e.model(), last.accuracy() < first.accuracy() ? "falls" : "rises", first.accuracy() * 100, first.turn(),
              last.accuracy() * 100, last.turn());
      out.add(new Insight(sentence,
          String.format(Locale.ROOT, "mean primary score of %d cells at turn %d and %d at turn %d, without intervals"
              + " (table %s)", first.cells(), first.turn(), last.cells(), last.turn(), ID)));
    });
    return out;
  }
}
