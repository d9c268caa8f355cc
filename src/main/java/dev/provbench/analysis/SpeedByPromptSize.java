package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.DriverCells.Cell;
import dev.provbench.analysis.load.LadderStep;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Insight;
import dev.provbench.results.CellStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Speed by prompt length: per experiment and {@link PromptBand} of {@code prompt_tokens}, the answered cells' median
 * TTFT and duration, and the experiment's rank within its size and band. A provider that prefills slowly can be the
 * fastest on short prompts and the slowest on long ones; one figure per experiment hides that.
 */
public final class SpeedByPromptSize {
  public static final String ID = "speed_by_prompt_size";

  static final String SQL = """
      SELECT provider, model, size, %1$s AS band, count(*) AS answered,
             percentile(ttft_ms, 0.5) / 1000 AS ttft_p50_s, percentile(duration_ms, 0.5) / 1000 AS p50_s
      FROM cells
      WHERE run_id = :run_id AND %2$s AND prompt_tokens IS NOT NULL AND %%s
      GROUP BY provider, model, size, %1$s""".formatted(PromptBand.sql("prompt_tokens"), CellStatus.ANSWERED_SQL);
  static final String UNKNOWN_SQL = "SELECT count(*) FROM cells WHERE run_id = :run_id AND %s AND prompt_tokens IS NULL AND %%s"
      .formatted(CellStatus.ANSWERED_SQL);

  /**
   * One experiment in one band.
   *
   * @param experiment provider, model and size.
   * @param band       the prompt-length band.
   * @param answered   answered cells of the experiment in the band.
   * @param ttftP50    median TTFT of those cells, s; null when none streamed.
   * @param p50        median duration of those cells, s.
   * @param rank       1 + the experiments of the same size and band with a lower median duration (ties share one).
   * @param ttftRank   the same by median TTFT; null when TTFT is unknown.
   */
  public record BandSpeed(Experiment experiment, PromptBand band, long answered, Double ttftP50, double p50, int rank,
      Integer ttftRank) {}

  /**
   * A run's rows, by size, band, then rank.
   *
   * @param rows    per experiment and band with answered cells.
   * @param unknown answered cells without {@code prompt_tokens}, left out.
   */
  public record Bands(List<BandSpeed> rows, long unknown) {
    /** Whether some size's cells fall in two bands or more: otherwise the table repeats the speed ranking. */
    public boolean spanSeveral() {
      return rows.stream().collect(Collectors.groupingBy(b -> b.experiment().size(),
          Collectors.mapping(BandSpeed::band, Collectors.toSet()))).values().stream().anyMatch(s -> s.size() > 1);
    }
  }

  private SpeedByPromptSize() {}

  public static Bands load(SparkSession spark, String runId) {
    return load(spark, runId, LadderStep.NONE);
  }

  /** As {@link #load(SparkSession, String)}, over the rows of one load step (never warm-up rows). */
  public static Bands load(SparkSession spark, String runId, LadderStep ladder) {
    List<BandSpeed> raw = new ArrayList<>();
    for (Row r : spark.sql(SQL.formatted(ladder.rowFilter()), Map.of("run_id", runId)).collectAsList()) {
      raw.add(new BandSpeed(new Experiment(r.getAs("provider"), r.getAs("model"), r.getAs("size")),
          PromptBand.values()[r.<Integer>getAs("band")], r.<Long>getAs("answered"), RowValues.dbl(r, "ttft_p50_s"),
          RowValues.num(r, "p50_s"), 0, null));
    }
    long unknown = spark.sql(UNKNOWN_SQL.formatted(ladder.rowFilter()), Map.of("run_id", runId)).first().getLong(0);
    return ranked(raw, unknown);
  }

  /** The same as {@link #SQL} and {@link #UNKNOWN_SQL}, from a run's cells on the driver ({@code all}: warm-up too). */
  static Bands of(List<Cell> all, LadderStep ladder) {
    List<Cell> answered = all.stream().filter(DriverCells.step(ladder)).filter(Cell::answered).toList();
    List<BandSpeed> raw = new ArrayList<>();
    Map<Experiment, Map<PromptBand, List<Cell>>> groups = new LinkedHashMap<>();
    for (Cell c : answered) {
      if (c.promptTokens() == null) continue;
      groups.computeIfAbsent(c.experiment(), k -> new TreeMap<>()).computeIfAbsent(PromptBand.of(c.promptTokens()),
          k -> new ArrayList<>()).add(c);
    }
    groups.forEach((e, bands) -> bands.forEach((band, cells) -> raw.add(new BandSpeed(e, band, cells.size(),
        SqlAggregates.div(SqlAggregates.percentile(cells, Cell::ttftMs, 0.5), 1000),
        SqlAggregates.num(SqlAggregates.div(SqlAggregates.percentile(cells, Cell::durationMs, 0.5), 1000)), 0, null))));
    return ranked(raw, SqlAggregates.countIf(answered, c -> c.promptTokens() == null));
  }

  private static Bands ranked(List<BandSpeed> raw, long unknown) {
    List<BandSpeed> ranked = raw.stream().map(b -> new BandSpeed(b.experiment(), b.band(), b.answered(), b.ttftP50(),
        b.p50(), rank(b, raw, BandSpeed::p50), b.ttftP50() == null ? null : rank(b, raw, o -> o.ttftP50() == null
            ? Double.POSITIVE_INFINITY : o.ttftP50()))).sorted(ORDER).toList();
    return new Bands(ranked, unknown);
  }

  private static final Comparator<BandSpeed> ORDER = Comparator.comparing((BandSpeed b) -> b.experiment().size(),
      SizeOrder.COMPARATOR).thenComparing(BandSpeed::band).thenComparingInt(BandSpeed::rank)
      .thenComparing(BandSpeed::experiment, Experiment.ORDER);

  private static int rank(BandSpeed b, List<BandSpeed> all, ToDoubleFunction<BandSpeed> figure) {
    return 1 + (int) all.stream().filter(o -> o.band() == b.band() && o.experiment().size().equals(b.experiment().size())
        && figure.applyAsDouble(o) < figure.applyAsDouble(b)).count();
  }

  public static AnalysisTable table(RunAnalysis run, Bands bands) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Speed by prompt length: answered cells per prompt-token band",
        text("size"), text("prompt tokens"), text("provider"), text("model"), number("answered", "%d"),
        number("TTFT p50 s", "%.2f"), number("p50 s", "%.2f"), number("rank", "%d"), number("TTFT rank", "%d"));
    for (BandSpeed b : bands.rows()) {
      Experiment e = b.experiment();
      t.row(e.size(), b.band().label(), e.provider(), e.model(), b.answered(), b.ttftP50(), b.p50(), (long) b.rank(),
          b.ttftRank() == null ? null : (long) b.ttftRank());
    }
    return t.build(Coverage.speed(run.experiments()) + "; bands by the cell's prompt_tokens (k = 1,000), "
        + bands.unknown() + " answered cells without prompt_tokens left out; rank by p50 duration (TTFT rank by p50"
        + " TTFT) among the experiments of the same size and band, medians without intervals");
  }

  /** At each size: the experiment fastest in one band and not in another (bands where two or more ran). */
  public static List<Insight> insights(Bands bands) {
    List<Insight> out = new ArrayList<>();
    Map<String, List<BandSpeed>> bySize = bands.rows().stream().collect(Collectors.groupingBy(b -> b.experiment().size(),
        LinkedHashMap::new, Collectors.toList()));
    bySize.forEach((size, at) -> {
      List<Experiment> experiments = at.stream().map(BandSpeed::experiment).distinct().toList();
      Map<PromptBand, BandSpeed> fastest = new LinkedHashMap<>();
      for (PromptBand band : PromptBand.values()) {
        List<BandSpeed> in = at.stream().filter(b -> b.band() == band).toList();
        List<BandSpeed> first = in.stream().filter(b -> b.rank() == 1).toList();
        if (in.size() >= 2 && first.size() == 1) fastest.put(band, first.get(0));
      }
      if (fastest.values().stream().map(BandSpeed::experiment).distinct().count() < 2) return;
      String who = fastest.values().stream().map(b -> ScorerScores.name(b.experiment(), experiments) + " at "
          + b.band().label() + " tokens").collect(Collectors.joining(", "));
      String basis = fastest.keySet().stream().map(band -> band.label() + ": " + at.stream().filter(b -> b.band() == band)
          .map(b -> String.format(Locale.ROOT, "%s %.2f", ScorerScores.name(b.experiment(), experiments), b.p50()))
          .collect(Collectors.joining(", "))).collect(Collectors.joining("; "));
      out.add(new Insight("At " + size + " the fastest provider on short prompts is not the fastest on long ones: fastest"
          + " are " + who + ".", "p50 duration of answered cells by prompt-token band, s, medians without intervals: "
          + basis + " (table " + ID + ")"));
    });
    return out;
  }
}
