package dev.provbench.analysis;

import static dev.provbench.analysis.SqlAggregates.num;
import static dev.provbench.analysis.SqlAggregates.sum;

import dev.provbench.analysis.DriverCells.Cell;
import dev.provbench.stats.CaseTotals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Loads each experiment's {@link CaseTotals} of one run: one row per experiment × case streams to the
 * driver (not one per cell), into primitive arrays. A cell without a primary score (its LLM judge's call failed:
 * unknown, not wrong) is left out, as {@code avg(correct_score)} leaves it out of the accuracy; a cell without an
 * answer scores 0 and counts.
 */
public final class CaseScores {
  static final String SQL = """
      SELECT provider, model, size, xxhash64(case_id), coalesce(sum(correct_score), 0), count(correct_score)
      FROM run_cells
      GROUP BY provider, model, size, case_id
      HAVING count(correct_score) > 0""";

  private CaseScores() {}

  public static Map<Experiment, CaseTotals> load(SparkSession spark, String runId) {
    return totals(spark, SQL);
  }

  /**
   * Streams a query's rows (provider, model, size, case key, sum, count: one per experiment × case) into each
   * experiment's {@link CaseTotals}.
   */
  public static Map<Experiment, CaseTotals> totals(SparkSession spark, String sql) {
    Map<Experiment, Map<Long, double[]>> byExperiment = new HashMap<>();
    Iterator<Row> it = spark.sql(sql).toLocalIterator();
    while (it.hasNext()) {
      Row r = it.next();
      Experiment e = new Experiment(r.getString(0), r.getString(1), r.getString(2));
      byExperiment.computeIfAbsent(e, k -> new HashMap<>()).put(r.getLong(3), new double[] {r.getDouble(4), r.getLong(5)});
    }
    Map<Experiment, CaseTotals> out = new HashMap<>();
    byExperiment.forEach((e, cases) -> out.put(e, CaseTotals.of(cases)));
    return out;
  }

  /** The same as {@link #SQL}, from the cells on the driver. */
  static Map<Experiment, CaseTotals> of(List<Cell> cells) {
    Map<Experiment, CaseTotals> out = new HashMap<>();
    DriverCells.byExperiment(cells).forEach((e, at) -> {
      Map<Long, double[]> cases = new HashMap<>();
      byCase(at).forEach((caseId, trials) -> {
        long scored = trials.stream().filter(c -> c.correctScore() != null).count();
        if (scored > 0) cases.put(trials.get(0).caseKey(), new double[] {num(sum(trials, Cell::correctScore)), scored});
      });
      if (!cases.isEmpty()) out.put(e, CaseTotals.of(cases));
    });
    return out;
  }

  /** An experiment's cells by {@code case_id}, in the order first met. */
  static Map<String, List<Cell>> byCase(List<Cell> cells) {
    Map<String, List<Cell>> out = new LinkedHashMap<>();
    for (Cell c : cells) out.computeIfAbsent(c.caseId(), k -> new ArrayList<>()).add(c);
    return out;
  }

  /** Every experiment of one size pooled case by case. */
  public static CaseTotals ofSize(Map<Experiment, CaseTotals> byExperiment, String size) {
    List<CaseTotals> groups = byExperiment.entrySet().stream().filter(e -> e.getKey().size().equals(size))
        .map(Map.Entry::getValue).toList();
    return CaseTotals.pool(groups);
  }
}
