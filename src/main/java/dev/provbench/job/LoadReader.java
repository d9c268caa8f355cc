package dev.provbench.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provbench.input.YamlFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the job's optional {@code load} section into a {@link LoadPlan}; null when absent. Stateless. */
final class LoadReader {
  private static final String LADDER_FIX = "list rising requests in flight per model, e.g. `concurrency: [1, 2, 4, 8, 16]`";
  private static final String RATE_FIX = "list rising requests per second per model, e.g. `rate: [2, 4, 8, 16]`";
  private static final String ONE_LADDER_FIX = "give either `concurrency: [1, 2, 4]` (requests in flight) or"
      + " `rate: [2, 4, 8]` (requests per second), not both";

  private LoadReader() {}

  static LoadPlan read(YamlFields f) {
    YamlFields l = f.object("load");
    if (l == null) return null;
    int partitions = f.integer("partitions_per_model", Job.DEFAULT_PARTITIONS_PER_MODEL, 1, "use at least one partition per model");
    boolean byRate = l.has("rate");
    if (byRate && l.has("concurrency")) throw l.error("rate", "cannot be given with `concurrency`", ONE_LADDER_FIX);
    List<Integer> ladder = byRate ? List.of() : ladder(l, partitions);
    List<Double> rates = byRate ? rates(l) : List.of();
    Arrivals arrivals = arrivals(l, byRate);
    long seed = l.longValue("seed", LoadPlan.DEFAULT_SEED, 0, "write a whole number, e.g. `seed: 42`");
    Integer cap = maxConcurrency(l, byRate, partitions);
    int cells = l.integer("cells_per_step", 0, 0, "write measured cells per model per step, e.g. 60, or 0 for every case x trials");
    double seconds = stepSeconds(l, cells);
    int maxCells = l.integer("max_cells_per_step", LoadPlan.DEFAULT_MAX_CELLS_PER_STEP, 1,
        "write the most measured cells per model a duration step may send, e.g. 5000");
    if (l.has("max_cells_per_step") && seconds == 0) {
      throw l.error("max_cells_per_step", "only bounds a duration step", "add `step_seconds: 30` or remove it");
    }
    int warmup = l.integer("warmup_cells", LoadPlan.DEFAULT_WARMUP_CELLS, 0, "write cells sent before measuring, e.g. 2, or 0");
    ServiceObjective objective = objective(l.object("objective"));
    double knee = l.number("knee_growth", LoadPlan.DEFAULT_KNEE_GROWTH, 0, 10,
        "write the throughput growth below which a step is past the knee, e.g. 0.1 (10 %)");
    LoadStop stop = stop(l.object("stop"));
    l.finish();
    return new LoadPlan(ladder, rates, arrivals, seed, cap, cells, seconds, maxCells, warmup, objective, knee, stop);
  }

  private static List<Integer> ladder(YamlFields l, int partitions) {
    JsonNode v = l.raw("concurrency");
    if (v == null || v.isNull()) throw l.missing("concurrency", "give `concurrency: [1, 2, 4, 8, 16]` (requests in flight)"
        + " or `rate: [2, 4, 8, 16]` (requests per second)");
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
    if (out.get(0) < partitions) {
      throw l.error("concurrency", "starts at " + out.get(0) + " in flight, below partitions_per_model " + partitions
          + " (each partition needs one)", "start the ladder at " + partitions + " or lower partitions_per_model");
    }
    return out;
  }

  private static List<Double> rates(YamlFields l) {
    JsonNode v = l.raw("rate");
    if (!v.isArray() || v.isEmpty()) throw l.error("rate", "must be a non-empty list, got " + YamlFields.describe(v), RATE_FIX);
    List<Double> out = new ArrayList<>();
    for (JsonNode n : v) {
      if (!n.isNumber() || !(n.asDouble() > 0) || n.asDouble() > 100_000) {
        throw l.error("rate", "must hold requests per second above 0 and up to 100000, got " + YamlFields.describe(n), RATE_FIX);
      }
      double r = n.asDouble();
      if (!out.isEmpty() && r <= out.get(out.size() - 1)) {
        throw l.error("rate", "must rise from step to step, got " + n.asText() + " after " + fmt(out.get(out.size() - 1)), RATE_FIX);
      }
      out.add(r);
    }
    return out;
  }

  private static Arrivals arrivals(YamlFields l, boolean byRate) {
    String s = l.string("arrivals", null);
    if (s == null) return Arrivals.CONSTANT;
    if (!byRate) throw l.error("arrivals", "only applies to a rate ladder", "give `rate: [...]` instead of `concurrency`, or remove it");
    for (Arrivals a : Arrivals.values()) if (a.yamlName().equals(s)) return a;
    throw l.error("arrivals", "must be `constant` or `poisson`, got `" + s + "`",
        "write `arrivals: constant` (evenly spaced) or `arrivals: poisson` (random gaps, seeded)");
  }

  private static Integer maxConcurrency(YamlFields l, boolean byRate, int partitions) {
    if (!l.has("max_concurrency")) return null;
    if (!byRate) {
      throw l.error("max_concurrency", "only caps a rate ladder (a concurrency step keeps its own level in flight)", "remove it");
    }
    int cap = l.integer("max_concurrency", 0, 1, "write the most requests in flight per model, e.g. `max_concurrency: 64`");
    if (cap < partitions) {
      throw l.error("max_concurrency", "is " + cap + ", below partitions_per_model " + partitions + " (each partition needs one)",
          "raise it to at least " + partitions + " or lower partitions_per_model");
    }
    return cap;
  }

  private static double stepSeconds(YamlFields l, int cells) {
    if (!l.has("step_seconds")) return 0;
    double s = l.number("step_seconds", 0.0, 0, 86_400, "write how long each step sends, e.g. `step_seconds: 30`");
    if (s <= 0) throw l.error("step_seconds", "must be above 0, got " + fmt(s), "write how long each step sends, e.g. `step_seconds: 30`");
    if (cells > 0) {
      throw l.error("step_seconds", "cannot be given with `cells_per_step`",
          "end each step after a time (`step_seconds`) or after a number of cells (`cells_per_step`), not both");
    }
    return s;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
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
