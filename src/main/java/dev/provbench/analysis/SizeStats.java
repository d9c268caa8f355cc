package dev.provbench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One size of one run, all its experiments pooled; failed cells included. Durations in seconds.
 *
 * @param size         e.g. {@code 70b}.
 * @param experiments  provider × model pairs at this size.
 * @param cells        cells at this size.
 * @param failed       cells whose status is not {@code ok}.
 * @param correct      mean CorrectScore; null without that scorer.
 * @param nonNull      mean NonNull; null without that scorer.
 * @param durationMean mean {@code duration_ms}, s.
 * @param durationP50  median {@code duration_ms}, s.
 */
public record SizeStats(String size, long experiments, long cells, long failed, Double correct, Double nonNull,
    double durationMean, double durationP50) {

  static final String SQL = """
      SELECT size, count(DISTINCT provider, model), count(*), count_if(status <> 'ok'),
             avg(correct_score), avg(non_null), avg(duration_ms) / 1000, percentile(duration_ms, 0.5) / 1000
      FROM run_cells
      GROUP BY size""";

  public static List<SizeStats> load(SparkSession spark, String runId) {
    List<SizeStats> out = new ArrayList<>();
    for (Row r : spark.sql(SQL).collectAsList()) {
      out.add(new SizeStats(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3), ExperimentStats.dbl(r, 4),
          ExperimentStats.dbl(r, 5), r.getDouble(6), r.getDouble(7)));
    }
    out.sort((a, b) -> SizeOrder.COMPARATOR.compare(a.size, b.size));
    return out;
  }
}
