package dev.provbench.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * An experiment's answered {@code duration_ms} grouped by case: the unit the speed bootstrap resamples, so
 * a case's trials move together. Sorted by case key; immutable.
 *
 * @param keys      a hash of each case id, ascending.
 * @param starts    where each case's durations begin in {@code durations}; one more entry than cases.
 * @param durations every answered cell's {@code duration_ms} in seconds, case after case.
 */
public record CaseDurations(long[] keys, int[] starts, double[] durations) {
  static final String SQL = """
      SELECT provider, model, size, xxhash64(case_id) AS case_key, collect_list(duration_ms) AS durations_ms
      FROM run_cells
      WHERE %s
      GROUP BY provider, model, size, case_id""".formatted(ExperimentStats.ANSWERED);

  public int cases() {
    return keys.length;
  }

  /** Builds from case key → that case's durations. */
  public static CaseDurations of(Map<Long, List<Long>> byCase) {
    TreeMap<Long, List<Long>> sorted = new TreeMap<>(byCase);
    long[] keys = new long[sorted.size()];
    int[] starts = new int[keys.length + 1];
    int total = sorted.values().stream().mapToInt(List::size).sum();
    double[] durations = new double[total];
    int c = 0;
    int at = 0;
    for (Map.Entry<Long, List<Long>> e : sorted.entrySet()) {
      keys[c] = e.getKey();
      starts[c++] = at;
      for (long d : e.getValue()) durations[at++] = d / 1000.0;
    }
    starts[c] = at;
    return new CaseDurations(keys, starts, durations);
  }

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
    byExperiment.forEach((e, cases) -> out.put(e, of(cases)));
    return out;
  }
}
