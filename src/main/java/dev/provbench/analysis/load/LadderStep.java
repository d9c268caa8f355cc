package dev.provbench.analysis.load;

import dev.provbench.input.BadInputException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Which of a run's rows the ordinary tables read. A load ladder's warm-up rows never count; on a run with a
 * ladder one step alone counts, the lowest unless asked ({@code --load-step}), since a model's figures pooled over
 * loads would describe none of them. The load tables ({@link LoadAnalysis}) keep every step. Immutable.
 *
 * @param step        the step shown (1-based), or null when the run has no ladder.
 * @param concurrency the step's requests in flight per model, or null without a ladder or on a rate step.
 * @param rate        a rate step's offered requests per second per model, or null.
 * @param steps       the run's steps, rising, each with its concurrency; empty without a ladder.
 */
public record LadderStep(Integer step, Integer concurrency, Double rate, Map<Integer, Integer> steps) {
  /** A run without a ladder: every row but warm-up rows (which only a ladder writes). */
  public static final LadderStep NONE = new LadderStep(null, null, null, Map.of());

  /**
   * The step to show for {@code runId}: {@code asked}, or the lowest when null. Fails when a step is asked of a
   * run without it. Reads the stored rows ({@code results}): a cell's rows share its step, so the steps need no
   * de-duplication (which costs a shuffle of the whole folder).
   */
  public static LadderStep choose(SparkSession spark, String runId, Integer asked) {
    Map<Integer, Integer> steps = new LinkedHashMap<>();
    Map<Integer, Double> rates = new LinkedHashMap<>();
    for (Row r : spark.sql("SELECT load_step, max(load_concurrency), max(load_rate) FROM results WHERE run_id = :run"
        + " AND load_step IS NOT NULL GROUP BY load_step ORDER BY load_step", Map.of("run", runId)).collectAsList()) {
      steps.put(r.getInt(0), r.isNullAt(1) ? null : r.getInt(1));
      rates.put(r.getInt(0), r.isNullAt(2) ? null : r.getDouble(2));
    }
    return choose(runId, asked, steps, rates);
  }

  /**
   * The same from the run's steps, rising, each with its highest concurrency and rate (null when none): the rule
   * whether the steps come from SQL or from cells on the driver.
   */
  public static LadderStep choose(String runId, Integer asked, Map<Integer, Integer> steps, Map<Integer, Double> rates) {
    if (steps.isEmpty()) {
      if (asked != null) throw new BadInputException("--load-step", "run `" + runId + "` has no load ladder", "drop --load-step");
      return NONE;
    }
    int step = asked != null ? asked : steps.keySet().iterator().next();
    if (!steps.containsKey(step)) {
      throw new BadInputException("--load-step", "run `" + runId + "` has no load step " + step,
          "use one of " + steps.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
    return new LadderStep(step, steps.get(step), rates.get(step), Collections.unmodifiableMap(new LinkedHashMap<>(steps)));
  }

  /** The SQL condition on {@code cells} rows that the ordinary tables read. */
  public String rowFilter() {
    return "NOT coalesce(load_warmup, false)" + (step == null ? "" : " AND load_step = " + step);
  }

  /** Says which step the tables show, e.g. {@code load step 1 of 5 (1 in flight per model)}; "" without a ladder. */
  public String label() {
    if (step == null) return "";
    return "load step " + step + " of " + steps.size() + " (" + load(concurrency, rate) + ")";
  }

  /** A step's load in words: {@code 8 in flight per model}, or {@code 4 requests/s per model} for a rate step. */
  public static String load(Integer concurrency, Double rate) {
    if (rate != null) return BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString() + " requests/s per model";
    return concurrency + " in flight per model";
  }
}
