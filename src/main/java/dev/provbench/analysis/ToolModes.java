package dev.provbench.analysis;

import dev.provbench.analysis.DriverCells.Cell;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * How each experiment of a run asked for the judge's tool call, from the {@code tool_mode} column ({@code text} or
 * {@code native}): unknown (absent from the map) for results written before the column existed.
 */
final class ToolModes {
  static final String COLUMN = "tool_mode";
  static final String SQL = """
      SELECT provider, model, size, concat_ws(', ', sort_array(collect_set(tool_mode))) AS modes
      FROM cells
      WHERE run_id = :run_id
      GROUP BY provider, model, size""";

  private ToolModes() {}

  /** Per experiment, its tool mode (several joined by commas if its cells differ); empty when unknown. */
  static Map<Experiment, String> load(SparkSession spark, String runId) {
    Map<Experiment, String> out = new HashMap<>();
    if (!Arrays.asList(spark.table("cells").columns()).contains(COLUMN)) return out;
    for (Row r : spark.sql(SQL, Map.of("run_id", runId)).collectAsList()) {
      String modes = r.getString(3);
      if (!modes.isEmpty()) out.put(new Experiment(r.getString(0), r.getString(1), r.getString(2)), modes);
    }
    return out;
  }

  /** The same as {@link #SQL}, from a run's cells on the driver (warm-up too). */
  static Map<Experiment, String> of(List<Cell> all) {
    Map<Experiment, String> out = new HashMap<>();
    DriverCells.byExperiment(all).forEach((e, cells) -> {
      String modes = cells.stream().map(Cell::toolMode).filter(Objects::nonNull).distinct().sorted()
          .collect(Collectors.joining(", "));
      if (!modes.isEmpty()) out.put(e, modes);
    });
    return out;
  }
}
