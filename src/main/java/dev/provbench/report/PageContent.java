package dev.provbench.report;

import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.CellSamples;
import dev.provbench.analysis.RunAnalysis;
import dev.provbench.analysis.SizeStats;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the report page's script draws, as plain values it reads from the page's JSON ({@link PageJson}): the
 * runs, sizes and providers, each experiment's figures for the charts, the comparison of two runs, and the sampled
 * cells. The findings and tables are written into the page itself ({@link ReportPage}). Immutable.
 *
 * @param run         the run the page is about (the first {@code --run}).
 * @param compared    the second run when two are compared, else null.
 * @param sizes       sizes in size order.
 * @param providers   each provider's colour, the same as in the PNG charts.
 * @param experiments the run's experiments, in size, provider, model order.
 * @param comparison  per experiment of both runs, B − A, when two runs are compared; else empty.
 * @param cells       the sampled cells of each run shown.
 * @param limits      how the cells were sampled.
 * @param turns       accuracy per experiment and turn of a run of conversations; empty for other runs.
 */
record PageContent(RunFacts run, RunFacts compared, List<String> sizes, List<Provider> providers,
    List<ExperimentFigures> experiments, List<ComparisonRow> comparison, List<RunCells> cells, SampleLimits limits,
    List<TurnPoint> turns) {

  /** @param id the run id; {@code cells}, {@code failed} over the figures' rows. */
  record RunFacts(String id, boolean simulated, long cells, long failed) {
    static RunFacts of(RunAnalysis run) {
      return run == null ? null : new RunFacts(run.runId(), run.simulated(), run.cells(), run.failed());
    }
  }

  /** @param colour CSS hex, e.g. {@code #0072b2}. */
  record Provider(String name, String colour) {}

  /** The sampling bounds the page states beside the cells. */
  record SampleLimits(int failed, int slowest, int lowest, int disagreeingCases, int textChars) {
    static final SampleLimits CURRENT = new SampleLimits(CellSamples.FAILED_SHOWN, CellSamples.SLOWEST_SHOWN,
        CellSamples.LOWEST_SHOWN, CellSamples.DISAGREEING_CASES_SHOWN, CellSamples.TEXT_CHARS);
  }

  /**
   * @param samples  the sampled cells of {@code analysis.run()}.
   * @param comparedSamples those of {@code analysis.compared()}, or empty.
   */
  static PageContent of(Analysis analysis, List<CellSamples> samples, List<CellSamples> comparedSamples) {
    RunAnalysis run = analysis.run();
    ChartStyle style = new ChartStyle(run);
    List<Provider> providers = new ArrayList<>();
    for (Map.Entry<String, Paint> p : style.providers().entrySet()) {
      providers.add(new Provider(p.getKey(), hex((Color) p.getValue())));
    }
    List<RunCells> cells = new ArrayList<>(List.of(RunCells.of(run.runId(), samples)));
    if (analysis.compared() != null) cells.add(RunCells.of(analysis.compared().runId(), comparedSamples));
    return new PageContent(RunFacts.of(run), RunFacts.of(analysis.compared()),
        run.sizes().stream().map(SizeStats::size).toList(), providers, ExperimentFigures.of(run),
        ComparisonRow.of(analysis), cells, SampleLimits.CURRENT, TurnPoint.of(analysis));
  }

  static String hex(Color c) {
    return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xFFFFFF);
  }
}
