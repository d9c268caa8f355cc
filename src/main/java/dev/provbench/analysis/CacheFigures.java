package dev.provbench.analysis;

import dev.provbench.analysis.DriverCells.Cell;
import dev.provbench.analysis.load.LadderStep;
import dev.provbench.results.CellStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a provider's prefix cache served, and how a conversation's turns fared: per experiment (and per turn, for the
 * turns of a multi-turn run), cells, accuracy, and over the answered cells the prompt tokens, the {@code cached_tokens}
 * the provider reported, the cells with a cache hit and the median TTFT with and without one. Read by {@link CacheTable}
 * and {@link TurnsTable}. Immutable.
 *
 * @param experiment    provider, model and size.
 * @param turn          the turn (1-based), or null for the whole experiment.
 * @param cells         its cells, failed ones included.
 * @param failed        cells not answered ({@code not_sent} turns included).
 * @param accuracy      mean primary score (a failed cell scores 0); null when no cell has one.
 * @param answered      answered cells.
 * @param promptTokens  Σ prompt_tokens of the answered cells that report cached_tokens; null when none reports it.
 * @param cachedTokens  Σ cached_tokens of those; null when none reports it.
 * @param hits          answered cells with cached_tokens above 0.
 * @param ttftP50Ms     median TTFT of the answered cells, ms; null when none streamed.
 * @param ttftHitP50Ms  median TTFT of the answered cells with a hit, ms; null when none.
 * @param ttftMissP50Ms median TTFT of the answered cells without one (none reported counts as none), ms; null when none.
 * @param meanPrompt    mean prompt_tokens of the answered cells; null when none reports usage.
 * @param costUsd       Σ cost_usd of every cell (cached tokens priced at the cached-input price); null when unpriced.
 */
public record CacheFigures(Experiment experiment, Integer turn, long cells, long failed, Double accuracy, long answered,
    Long promptTokens, Long cachedTokens, long hits, Double ttftP50Ms, Double ttftHitP50Ms, Double ttftMissP50Ms,
    Double meanPrompt, Double costUsd) {

  static final String SQL = """
      SELECT provider, model, size, %1$s AS turn, count(*) AS cells, count_if(NOT (%2$s)) AS failed,
             avg(correct_score) AS accuracy, count_if(%2$s) AS answered,
             sum(CASE WHEN %2$s AND cached_tokens IS NOT NULL THEN prompt_tokens END) AS reporting_prompt,
             sum(CASE WHEN %2$s THEN cached_tokens END) AS cached,
             count_if(%2$s AND cached_tokens > 0) AS hits,
             percentile(CASE WHEN %2$s THEN ttft_ms END, 0.5) AS ttft_p50,
             percentile(CASE WHEN %2$s AND cached_tokens > 0 THEN ttft_ms END, 0.5) AS ttft_hit_p50,
             percentile(CASE WHEN %2$s AND coalesce(cached_tokens, 0) = 0 THEN ttft_ms END, 0.5) AS ttft_miss_p50,
             avg(CASE WHEN %2$s THEN prompt_tokens END) AS mean_prompt, sum(cost_usd) AS cost_usd
      FROM cells
      WHERE run_id = :run_id AND %3$s AND %%s
      GROUP BY provider, model, size, %1$s""";

  /** Per experiment, over the cells the ordinary tables read. */
  public static List<CacheFigures> byExperiment(SparkSession spark, String runId, LadderStep ladder) {
    return load(spark, runId, ladder, false);
  }

  /** Per experiment and turn, over the turns of conversations; empty for a run without any. */
  public static List<CacheFigures> byTurn(SparkSession spark, String runId, LadderStep ladder) {
    return load(spark, runId, ladder, true);
  }

  private static List<CacheFigures> load(SparkSession spark, String runId, LadderStep ladder, boolean byTurn) {
    String sql = SQL.formatted(byTurn ? "turn" : "CAST(NULL AS INT)", CellStatus.ANSWERED_SQL,
        byTurn ? "turn IS NOT NULL" : "true").formatted(ladder.rowFilter());
    List<CacheFigures> out = new ArrayList<>();
    for (Row r : spark.sql(sql, Map.of("run_id", runId)).collectAsList()) {
      out.add(new CacheFigures(new Experiment(r.getAs("provider"), r.getAs("model"), r.getAs("size")), r.getAs("turn"),
          r.<Long>getAs("cells"), r.<Long>getAs("failed"), RowValues.dbl(r, "accuracy"), r.<Long>getAs("answered"),
          r.getAs("reporting_prompt"), r.getAs("cached"), r.<Long>getAs("hits"), RowValues.dbl(r, "ttft_p50"),
          RowValues.dbl(r, "ttft_hit_p50"), RowValues.dbl(r, "ttft_miss_p50"), RowValues.dbl(r, "mean_prompt"),
          RowValues.dbl(r, "cost_usd")));
    }
    return sorted(out);
  }

  /** The same as {@link #SQL} from a run's cells on the driver ({@code all}: warm-up too). */
  static List<CacheFigures> of(List<Cell> all, LadderStep ladder, boolean byTurn) {
    Map<List<Object>, List<Cell>> groups = new LinkedHashMap<>();
    for (Cell c : all.stream().filter(DriverCells.step(ladder)).toList()) {
      if (byTurn && c.turn() == null) continue;
      groups.computeIfAbsent(Arrays.asList(c.experiment(), byTurn ? c.turn() : null), k -> new ArrayList<>()).add(c);
    }
    List<CacheFigures> out = new ArrayList<>();
    groups.forEach((key, cells) -> {
      List<Cell> answered = cells.stream().filter(Cell::answered).toList();
      List<Cell> reporting = answered.stream().filter(c -> c.cachedTokens() != null).toList();
      List<Cell> hit = answered.stream().filter(c -> c.cachedTokens() != null && c.cachedTokens() > 0).toList();
      List<Cell> miss = answered.stream().filter(c -> c.cachedTokens() == null || c.cachedTokens() == 0).toList();
      out.add(new CacheFigures((Experiment) key.get(0), (Integer) key.get(1), cells.size(),
          cells.size() - answered.size(), SqlAggregates.avg(cells, Cell::correctScore), answered.size(),
          SqlAggregates.sumLong(reporting, Cell::promptTokens), SqlAggregates.sumLong(answered, Cell::cachedTokens),
          hit.size(), SqlAggregates.percentile(answered, Cell::ttftMs, 0.5), SqlAggregates.percentile(hit, Cell::ttftMs, 0.5),
          SqlAggregates.percentile(miss, Cell::ttftMs, 0.5), SqlAggregates.avg(answered, Cell::promptTokens),
          SqlAggregates.sum(cells, Cell::costUsd)));
    });
    return sorted(out);
  }

  /** Σ cached ÷ Σ prompt tokens of the cells that report caching; null when none does (or no prompt token). */
  public Double cachedShare() {
    if (cachedTokens == null || promptTokens == null || promptTokens == 0) return null;
    return (double) cachedTokens / promptTokens;
  }

  /** Whether any answered cell reported {@code cached_tokens}. */
  public boolean reportsCache() {
    return cachedTokens != null;
  }

  private static List<CacheFigures> sorted(List<CacheFigures> rows) {
    return rows.stream().sorted(Comparator.comparing(CacheFigures::experiment, Experiment.ORDER)
        .thenComparing(CacheFigures::turn, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
  }
}
