package dev.provbench.analysis;

import dev.provbench.analysis.DriverCells.Cell;
import dev.provbench.results.CellStatus;
import dev.provbench.stats.CaseDurations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Loads each experiment's answered {@link CaseDurations} of the cached {@code run_cells} view. */
public final class DurationsByCase {
  static final String SQL = """
      SELECT provider, model, size, xxhash64(case_id) AS case_key, collect_list(duration_ms) AS durations_ms
      FROM run_cells
      WHERE %s
      GROUP BY provider, model, size, case_id""".formatted(CellStatus.ANSWERED_SQL);

  private DurationsByCase() {}

  /** Each experiment's answered durations by case; one row per experiment × case reaches the driver. */
  public static Map<Experiment, CaseDurations> load(SparkSession spark) {
    Map<Experiment, Map<Long, List<Long>>> byExperiment = new HashMap<>();
    Iterator<Row> it = spark.sql(SQL).toLocalIterator();
    while (it.hasNext()) {
      Row r = it.next();
      Experiment e = new Experiment(r.getAs("provider"), r.getAs("model"), r.getAs("size"));
      List<Long> durations = new ArrayList<>(r.<Long>getList(r.fieldIndex("durations_ms")));
      byExperiment.computeIfAbsent(e, k -> new HashMap<>()).put(r.<Long>getAs("case_key"), durations);
    }
    Map<Experiment, CaseDurations> out = new HashMap<>();
    byExperiment.forEach((e, cases) -> out.put(e, CaseDurations.of(cases)));
    return out;
  }

  /** The same as {@link #SQL}, from the cells on the driver. */
  static Map<Experiment, CaseDurations> of(List<Cell> cells) {
    Map<Experiment, CaseDurations> out = new HashMap<>();
    DriverCells.byExperiment(cells.stream().filter(Cell::answered).toList()).forEach((e, at) -> {
      Map<Long, List<Long>> cases = new HashMap<>();
      CaseScores.byCase(at).forEach((caseId, trials) -> cases.put(trials.get(0).caseKey(),
          trials.stream().map(Cell::durationMs).filter(Objects::nonNull).toList()));
      out.put(e, CaseDurations.of(cases));
    });
    return out;
  }
}
