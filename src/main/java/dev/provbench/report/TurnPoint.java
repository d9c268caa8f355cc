package dev.provbench.report;

import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.Experiment;
import dev.provbench.analysis.TurnsTable;
import dev.provbench.analysis.output.AnalysisTable;
import java.util.ArrayList;
import java.util.List;

/**
 * One point of the page's accuracy-by-turn chart: an experiment's accuracy at one turn of its conversations, read from
 * the analysis's {@code turns} table. Immutable.
 *
 * @param id       the experiment's id in the page ({@link ExperimentFigures#id}).
 * @param provider the provider.
 * @param size     the size.
 * @param turn     the turn, from 1.
 * @param cells    the turn's cells.
 * @param accuracy the mean primary score at that turn; null when none scored.
 */
record TurnPoint(String id, String provider, String size, long turn, long cells, Double accuracy) {

  /** The points of the run's {@code turns} table; empty when the run has no conversations. */
  static List<TurnPoint> of(Analysis analysis) {
    AnalysisTable t = analysis.tables().stream().filter(x -> x.id().equals(TurnsTable.ID)).findFirst().orElse(null);
    if (t == null) return List.of();
    List<TurnPoint> out = new ArrayList<>();
    for (int r = 0; r < t.rows().size(); r++) {
      Experiment e = new Experiment((String) t.value(r, "provider"), (String) t.value(r, "model"), (String) t.value(r, "size"));
      out.add(new TurnPoint(ExperimentFigures.id(e), e.provider(), e.size(), (Long) t.value(r, "turn"),
          (Long) t.value(r, "cells"), (Double) t.value(r, "accuracy")));
    }
    return out;
  }
}
