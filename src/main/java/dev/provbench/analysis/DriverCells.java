package dev.provbench.analysis;

import dev.provbench.analysis.load.LadderStep;
import dev.provbench.input.BadInputException;
import dev.provbench.results.CellStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The cells of a small results folder, read from the stored rows in one Spark query and held on the driver,
 * so that a run of a few thousand cells is analysed without a Spark job per table: each figure is computed here by
 * the same rule as its SQL (the two sit side by side in each figure's class, and {@code DriverPathAgreementTest}
 * holds them equal). A folder with more stored rows than {@link #rowLimit} is left to Spark. Immutable; one per
 * analysis.
 */
public final class DriverCells {
  /** Stored rows up to which a results folder is analysed on the driver, unless {@link #LIMIT_CONF} says otherwise. */
  public static final long DEFAULT_ROW_LIMIT = 100_000;
  /** The Spark setting that overrides {@link #DEFAULT_ROW_LIMIT} (0: always Spark). */
  public static final String LIMIT_CONF = "spark.provbench.analysis.driverRows";
  /** Parquet files past which a folder is left to Spark without counting its rows. */
  static final int MAX_FILES = 1000;

  /**
   * The columns the tables read, from every stored row of the folder; {@code correct_score} is the primary score the
   * tables read (the run's own, or the scorer's given with {@code --scorer}), {@code own_correct_score} the stored
   * one, which the {@code scores} view gives for results without a {@code scores} column.
   */
  static final String SQL = """
      SELECT run_id, cell_id, provider, model, size, case_id, xxhash64(case_id) AS case_key, status, attempts, reconnects,
             rate_limited, backoff_ms, duration_ms, latency_ms, ttft_ms, first_answer_ms, tpot_ms, output_tps,
             chunk_gaps_ms, prompt_tokens, completion_tokens, cached_tokens, usage_source, cost_usd, usd_per_hour, turn,
             CAST(output AS STRING) AS output_text, %s AS correct_score, correct_score AS own_correct_score, non_null,
             transform(scores, s -> named_struct('scorer', s.scorer, 'score', s.score)) AS scores, tool_mode, stream,
             load_step, load_concurrency, load_rate, load_warmup, scheduled_ms, send_lag_ms,
             unix_micros(started_at) AS started_us,
             unix_micros(finished_at) AS finished_us
      FROM results""";

  private final Map<String, List<Cell>> byRun;

  private DriverCells(Map<String, List<Cell>> byRun) {
    this.byRun = byRun;
  }

  /**
   * The folder's cells when the registered {@code results} view holds at most the limit's stored rows (counted from
   * the Parquet footers, without a Spark job), else null.
   *
   * @param scorer the scorer the tables read as their accuracy ({@code --scorer}), or null for the run's own.
   */
  public static DriverCells readIfSmall(SparkSession spark, String scorer) {
    long limit = rowLimit(spark);
    if (limit <= 0 || storedRows(spark, limit) > limit) return null;
    interpret(spark);
    String primary = scorer == null ? "correct_score" : RunCells.scoreOf(scorer);
    Map<String, List<Cell>> byRun = new LinkedHashMap<>();
    for (Cell c : latest(spark.sql(SQL.formatted(primary)).collectAsList())) {
      byRun.computeIfAbsent(c.runId(), k -> new ArrayList<>()).add(c);
    }
    return new DriverCells(byRun);
  }

  /**
   * The {@code cells} view's rule on the driver ({@link dev.provbench.results.ResultsViews#CELLS_SQL}): of a cell's
   * stored rows, the one with the latest {@code finished_at} wins. Here it costs no shuffle.
   */
  private static Collection<Cell> latest(List<Row> stored) {
    Map<List<String>, Cell> latest = new LinkedHashMap<>();
    for (Row r : stored) {
      Cell c = new Cell(r);
      latest.merge(List.of(c.runId(), r.getAs("cell_id")), c,
          (a, b) -> b.finishedUs() != null && (a.finishedUs() == null || b.finishedUs() > a.finishedUs()) ? b : a);
    }
    return latest.values();
  }

  /**
   * From now on the session evaluates expressions interpreted: on a few thousand rows, compiling each plan's code
   * (whole-stage and per expression) takes longer than running it, and every later query of a small folder (the
   * report's samples, say) reads as few rows.
   */
  private static void interpret(SparkSession spark) {
    spark.conf().set("spark.sql.codegen.wholeStage", "false");
    spark.conf().set("spark.sql.codegen.factoryMode", "NO_CODEGEN");
  }

  /** The limit in force: {@link #LIMIT_CONF}, else {@link #DEFAULT_ROW_LIMIT}. */
  static long rowLimit(SparkSession spark) {
    return Long.parseLong(spark.conf().get(LIMIT_CONF, String.valueOf(DEFAULT_ROW_LIMIT)));
  }

  /**
   * Rows in the files the {@code results} view reads, counted until they pass {@code limit}; past {@link #MAX_FILES}
   * files the count is not worth its footer reads (one request each on an object store) and reads as over the limit.
   */
  private static long storedRows(SparkSession spark, long limit) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String[] files = spark.table("results").inputFiles();
    if (files.length > MAX_FILES) return Long.MAX_VALUE;
    long rows = 0;
    for (String file : files) {
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), conf))) {
        rows += reader.getRecordCount();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the footer of " + file, e);
      }
      if (rows > limit) break;
    }
    return rows;
  }

  /** The runs, latest finished first (then by id), as {@link ResultsAnalyzer#runIds} orders them. */
  public List<String> runIds() {
    Map<String, Long> finished = new TreeMap<>();
    byRun.forEach((id, cells) -> finished.put(id, cells.stream().mapToLong(Cell::finishedUs).max().orElse(Long.MIN_VALUE)));
    return finished.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList();
  }

  /** Every cell of a run, warm-up cells included. */
  public List<Cell> all(String runId) {
    return byRun.getOrDefault(runId, List.of());
  }

  /** {@link dev.provbench.analysis.load.LoadAnalysis#hasLadder} on the driver. */
  public boolean hasLadder(String runId) {
    return all(runId).stream().anyMatch(c -> c.loadStep() != null && !Boolean.TRUE.equals(c.loadWarmup()));
  }

  /** The step of a load ladder the ordinary tables show, as {@link LadderStep#choose} gives it from SQL. */
  public LadderStep ladder(String runId, Integer asked) {
    Map<Integer, Integer> steps = new TreeMap<>();
    Map<Integer, Double> rates = new TreeMap<>();
    for (Cell c : all(runId)) {
      Integer step = c.loadStep();
      if (step == null) continue;
      steps.put(step, max(steps.get(step), c.loadConcurrency()));
      rates.put(step, max(rates.get(step), c.loadRate()));
    }
    return LadderStep.choose(runId, asked, steps, rates);
  }

  /**
   * The cells the ordinary tables read ({@link RunCells}: no warm-up rows, one step of a ladder).
   *
   * @throws BadInputException when {@code scorer} is not one of the run's scorers, listing those it has.
   */
  public List<Cell> tableCells(String runId, LadderStep step, String scorer) {
    if (scorer != null) {
      TreeSet<String> names = new TreeSet<>();
      all(runId).forEach(c -> c.scoresView().forEach(s -> names.add(s.scorer())));
      if (!names.contains(scorer)) {
        throw new BadInputException("--scorer", "run `" + runId + "` has no scorer `" + scorer + "`",
            "use one of " + String.join(", ", names));
      }
    }
    return all(runId).stream().filter(step(step)).toList();
  }

  /** {@link LadderStep#rowFilter()} on the driver. */
  static Predicate<Cell> step(LadderStep step) {
    return c -> !Boolean.TRUE.equals(c.loadWarmup()) && (step.step() == null || step.step().equals(c.loadStep()));
  }

  /** Cells grouped by experiment, in the order first met. */
  static Map<Experiment, List<Cell>> byExperiment(List<Cell> cells) {
    Map<Experiment, List<Cell>> out = new LinkedHashMap<>();
    for (Cell c : cells) out.computeIfAbsent(c.experiment(), k -> new ArrayList<>()).add(c);
    return out;
  }

  private static <T extends Comparable<T>> T max(T a, T b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * One cell (the latest row of it), its columns read by name as the SQL names them.
   *
   * @param row a row of {@link #SQL}.
   */
  public record Cell(Row row) {
    /** One score of the {@code scores} view. */
    record Score(String scorer, Double score) {}

    String runId() {
      return row.getAs("run_id");
    }

    Experiment experiment() {
      return new Experiment(row.getAs("provider"), row.getAs("model"), row.getAs("size"));
    }

    String caseId() {
      return row.getAs("case_id");
    }

    /** {@code xxhash64(case_id)}: the key the bootstraps resample by. */
    long caseKey() {
      return row.<Long>getAs("case_key");
    }

    String status() {
      return row.getAs("status");
    }

    /** {@link CellStatus#ANSWERED_SQL}. */
    boolean answered() {
      String s = status();
      return CellStatus.OK.value().equals(s) || CellStatus.PARSE_ERROR.value().equals(s);
    }

    Integer attempts() {
      return row.getAs("attempts");
    }

    Integer reconnects() {
      return row.getAs("reconnects");
    }

    Integer rateLimited() {
      return row.getAs("rate_limited");
    }

    Long backoffMs() {
      return row.getAs("backoff_ms");
    }

    Long durationMs() {
      return row.getAs("duration_ms");
    }

    Long latencyMs() {
      return row.getAs("latency_ms");
    }

    Long ttftMs() {
      return row.getAs("ttft_ms");
    }

    Long firstAnswerMs() {
      return row.getAs("first_answer_ms");
    }

    Double tpotMs() {
      return row.getAs("tpot_ms");
    }

    Double outputTps() {
      return row.getAs("output_tps");
    }

    /** Gaps between chunks, ms; empty when none. */
    List<Integer> chunkGapsMs() {
      int i = row.fieldIndex("chunk_gaps_ms");
      return row.isNullAt(i) ? List.of() : row.getList(i);
    }

    Long promptTokens() {
      return row.getAs("prompt_tokens");
    }

    Long completionTokens() {
      return row.getAs("completion_tokens");
    }

    Long cachedTokens() {
      return row.getAs("cached_tokens");
    }

    /** A trace replay's due offset, ms; null outside one. */
    Long scheduledMs() {
      return row.getAs("scheduled_ms");
    }

    /** A trace replay's send lag, ms; null outside one. */
    Double sendLagMs() {
      return row.getAs("send_lag_ms");
    }

    /** The cell's turn in its conversation, or null outside one. */
    Integer turn() {
      return row.getAs("turn");
    }

    String usageSource() {
      return row.getAs("usage_source");
    }

    Double costUsd() {
      return row.getAs("cost_usd");
    }

    Double usdPerHour() {
      return row.getAs("usd_per_hour");
    }

    /** The task's output as SQL casts it to text; null when none. */
    String outputText() {
      return row.getAs("output_text");
    }

    /** The primary score the tables read. */
    Double correctScore() {
      return row.getAs("correct_score");
    }

    Double nonNull() {
      return row.getAs("non_null");
    }

    String toolMode() {
      return row.getAs("tool_mode");
    }

    Boolean stream() {
      return row.getAs("stream");
    }

    Integer loadStep() {
      return row.getAs("load_step");
    }

    Integer loadConcurrency() {
      return row.getAs("load_concurrency");
    }

    Double loadRate() {
      return row.getAs("load_rate");
    }

    Boolean loadWarmup() {
      return row.getAs("load_warmup");
    }

    Long startedUs() {
      return row.getAs("started_us");
    }

    Long finishedUs() {
      return row.getAs("finished_us");
    }

    /** {@code unix_millis(started_at)}. */
    Long startedMs() {
      Long us = startedUs();
      return us == null ? null : Math.floorDiv(us, 1000L);
    }

    /** {@code unix_millis(finished_at)}. */
    Long finishedMs() {
      Long us = finishedUs();
      return us == null ? null : Math.floorDiv(us, 1000L);
    }

    /** The {@code scores} column as stored; null for results before format 3. */
    List<Score> scores() {
      int i = row.fieldIndex("scores");
      if (row.isNullAt(i)) return null;
      List<Score> out = new ArrayList<>();
      for (Row s : row.<Row>getList(i)) out.add(new Score(s.getString(0), s.isNullAt(1) ? null : s.getDouble(1)));
      return out;
    }

    /**
     * This cell's rows of the {@code scores} view: its {@code scores}, or for results before format 3 its stored
     * CorrectScore and NonNull where not null.
     */
    List<Score> scoresView() {
      List<Score> stored = scores();
      if (stored != null) return stored;
      List<Score> out = new ArrayList<>();
      Double own = row.getAs("own_correct_score");
      if (own != null) out.add(new Score("CorrectScore", own));
      if (nonNull() != null) out.add(new Score("NonNull", nonNull()));
      return out;
    }
  }

  /** Orders cells as SQL's {@code ORDER BY started_at, finished_at}. */
  static final Comparator<Cell> BY_START = Comparator.comparing(Cell::startedUs, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Cell::finishedUs, Comparator.nullsFirst(Comparator.naturalOrder()));
}
