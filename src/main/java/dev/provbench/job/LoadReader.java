package dev.provbench.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provbench.input.YamlFields;
import java.util.ArrayList;
import java.util.List;

/** Reads the job's optional {@code load} section into a {@link LoadPlan}; null when absent. Stateless. */
final class LoadReader {
  private static final String LADDER_FIX = "list rising requests in flight per model, e.g. `concurrency: [1, 2, 4, 8, 16]`";

  private LoadReader() {}

  static LoadPlan read(YamlFields f) {
    YamlFields l = f.object("load");
    if (l == null) return null;
    List<Integer> ladder = ladder(l);
    int cells = l.integer("cells_per_step", 0, 0, "write measured cells per model per step, e.g. 60, or 0 for every case x trials");
    int warmup = l.integer("warmup_cells", LoadPlan.DEFAULT_WARMUP_CELLS, 0, "write cells sent before measuring, e.g. 2, or 0");
    ServiceObjective objective = objective(l.object("objective"));
    double knee = l.number("knee_growth", LoadPlan.DEFAULT_KNEE_GROWTH, 0, 10,
        "write the throughput growth below which a step is past the knee, e.g. 0.1 (10 %)");
    LoadStop stop = stop(l.object("stop"));
    l.finish();
    return new LoadPlan(ladder, cells, warmup, objective, knee, stop);
  }

  private static List<Integer> ladder(YamlFields l) {
    JsonNode v = l.raw("concurrency");
    if (v == null || v.isNull()) throw l.missing("concurrency", LADDER_FIX);
    if (!v.isArray() || v.isEmpty()) throw l.error("concurrency", "must be a non-empty list, got " + YamlFields.describe(v), LADDER_FIX);
    List<Integer> out = new ArrayList<>();
    for (JsonNode n : v) {
      if (!n.isIntegralNumber() || n.asLong() < 1 || n.asLong() > 100_000) {
        throw l.error("concurrency", "must hold whole numbers from 1 to 100000, got " + YamlFields.describe(n), LADDER_FIX);
      }
      int c = n.asInt();
      if (!out.isEmpty() && c <= out.get(out.size() - 1)) {
        throw l.error("concurrency", "must rise from step to step, got " + c + " after " + out.get(out.size() - 1), LADDER_FIX);
      }
      out.add(c);
    }
    return out;
  }

  private static ServiceObjective objective(YamlFields o) {
    if (o == null) return ServiceObjective.NONE;
    ServiceObjective out = new ServiceObjective(
        o.number("ttft_p90_ms", null, 0, Double.MAX_VALUE, "write ms, e.g. `ttft_p90_ms: 800`"),
        o.number("duration_p90_ms", null, 0, Double.MAX_VALUE, "write ms, e.g. `duration_p90_ms: 3000`"),
        o.number("max_error_rate", null, 0, 1, "write a share between 0 and 1, e.g. `max_error_rate: 0.05`"));
    o.finish();
    return out;
  }

  private static LoadStop stop(YamlFields s) {
    if (s == null) return LoadStop.DEFAULTS;
    LoadStop out = new LoadStop(
        s.number("error_rate", LoadStop.DEFAULT_ERROR_RATE, 0, 1, "write a share between 0 and 1, e.g. 0.5"),
        s.number("latency_factor", LoadStop.DEFAULT_LATENCY_FACTOR, 1, 1000, "write how many times the objective, e.g. 4"),
        s.integer("min_cells", LoadStop.DEFAULT_MIN_CELLS, 1, "write cells to finish before judging, e.g. 10"));
    s.finish();
    return out;
  }
}
