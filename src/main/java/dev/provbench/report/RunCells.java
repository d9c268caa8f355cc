package dev.provbench.report;

import dev.provbench.analysis.CellSamples;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sampled cells of one run as the page's drill-down reads them: per experiment each cell once, and each kind
 * (failed, slowest, lowest-scored, disagreeing trials) as positions into that list with how many of its kind there
 * are. Immutable.
 */
record RunCells(String runId, List<Experiment> experiments) {

  /**
   * @param id    the experiment's id ({@link ExperimentFigures#id}).
   * @param cells the cells shown, each once.
   */
  record Experiment(String id, String provider, String model, String size, List<CellSamples.Cell> cells, Kind failed,
      Kind slowest, Kind lowest, Kind disagreeing) {}

  /**
   * @param cells positions in the experiment's {@code cells}, in the kind's order.
   * @param of    how many the kind holds in the run: cells, or for disagreeing trials, cases.
   */
  record Kind(List<Integer> cells, long of) {}

  static RunCells of(String runId, List<CellSamples> samples) {
    return new RunCells(runId, samples.stream().map(RunCells::experiment).toList());
  }

  private static Experiment experiment(CellSamples s) {
    List<CellSamples.Cell> all = s.all();
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < all.size(); i++) position.put(all.get(i).cellId(), i);
    return new Experiment(ExperimentFigures.id(s.experiment()), s.experiment().provider(), s.experiment().model(),
        s.experiment().size(), all, kind(s.failed(), s.failedAll(), position),
        kind(s.slowest(), s.answeredAll(), position), kind(s.lowest(), s.answeredAll(), position),
        kind(s.disagreeing(), s.disagreeingCases(), position));
  }

  private static Kind kind(List<CellSamples.Cell> cells, long of, Map<String, Integer> position) {
    List<Integer> at = new ArrayList<>();
    for (CellSamples.Cell c : cells) at.add(position.get(c.cellId()));
    return new Kind(at, of);
  }
}
