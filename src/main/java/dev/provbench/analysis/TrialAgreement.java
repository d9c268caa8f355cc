package dev.provbench.analysis;

import dev.provbench.analysis.DriverCells.Cell;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * How often an experiment's trials of a case agree: same task output, a failure (null output) counting
 * as an output of its own. A conversation's turns are cases of their own here: each turn's trials are compared.
 *
 * @param cases      cases of the experiment (turns of conversations each).
 * @param repeated   cases run more than once.
 * @param agreeing   repeated cases whose trials all gave the same output.
 */
public record TrialAgreement(long cases, long repeated, long agreeing) {
  static final String SQL = """
      SELECT provider, model, size, count(*), count_if(trials > 1), count_if(trials > 1 AND outputs = 1)
      FROM (SELECT provider, model, size, case_id, count(*) AS trials,
                   count(DISTINCT coalesce(CAST(output AS STRING), 'null')) AS outputs
            FROM run_cells GROUP BY provider, model, size, case_id, turn)
      GROUP BY provider, model, size""";

  /** Share of repeated cases whose trials all agree; NaN when no case was repeated. */
  public double share() {
    return repeated == 0 ? Double.NaN : (double) agreeing / repeated;
  }

  public static Map<Experiment, TrialAgreement> load(SparkSession spark, String runId) {
    Map<Experiment, TrialAgreement> out = new HashMap<>();
    for (Row r : spark.sql(SQL).collectAsList()) {
      out.put(new Experiment(r.getString(0), r.getString(1), r.getString(2)),
          new TrialAgreement(r.getLong(3), r.getLong(4), r.getLong(5)));
    }
    return out;
  }

  /** The same as {@link #SQL}, from the cells on the driver. */
  static Map<Experiment, TrialAgreement> of(List<Cell> cells) {
    Map<Experiment, TrialAgreement> out = new HashMap<>();
    DriverCells.byExperiment(cells).forEach((e, at) -> {
      long cases = 0;
      long repeated = 0;
      long agreeing = 0;
      Map<List<Object>, List<Cell>> byTurn = new LinkedHashMap<>();
      for (Cell c : at) byTurn.computeIfAbsent(Arrays.asList(c.caseId(), c.turn()), k -> new ArrayList<>()).add(c);
      for (List<Cell> trials : byTurn.values()) {
        cases++;
        long outputs = trials.stream().map(c -> c.outputText() == null ? "null" : c.outputText()).distinct().count();
        if (trials.size() > 1) repeated++;
        if (trials.size() > 1 && outputs == 1) agreeing++;
      }
      out.put(e, new TrialAgreement(cases, repeated, agreeing));
    });
    return out;
  }
}
