package dev.provbench.report;

import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.CellSamples;
import dev.provbench.analysis.RunAnalysis;
import dev.provbench.analysis.ScorerScores;
import dev.provbench.analysis.SizeStats;
import dev.provbench.analysis.SpeedByPromptSize;
import dev.provbench.analysis.load.LoadCurve;
import dev.provbench.analysis.output.AnalysisTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code report.html} (self-contained, interactive: {@link ReportPage}) and one PNG per chart into a folder:
 * the score-vs-duration scatter, then latency and accuracy per provider within each size, then scores by scorer and
 * speed by prompt length when the analysis has those tables, and the load ladder's charts. The page draws the first
 * three kinds itself with ECharts and links their PNGs (for documents); the others it shows as images. It ends with
 * each experiment's sampled cells ({@link CellSamples}).
 */
public final class ReportWriter {
  public static final String HTML = "report.html";

  private ReportWriter() {}

  /**
   * Writes the report and returns the HTML file.
   *
   * @param samples the cells of {@code analysis.run()} to list per experiment ({@link CellSamples#load}).
   */
  public static Path write(Analysis analysis, List<CellSamples> samples, Path outDir) {
    return write(analysis, samples, List.of(), outDir, List.of());
  }

  /**
   * The same, with the cells of {@code analysis.compared()} ({@code comparedSamples}, empty when one run), and the
   * load ladder's two charts when {@code load} is not empty.
   */
  public static Path write(Analysis analysis, List<CellSamples> samples, List<CellSamples> comparedSamples, Path outDir,
      List<LoadCurve> load) {
    System.setProperty("java.awt.headless", "true");
    List<ChartImage> drawn = charts(analysis.run());
    List<ChartImage> images = new ArrayList<>(breakdownCharts(analysis));
    if (!load.isEmpty()) images.addAll(loadCharts(analysis.run(), load));
    List<ChartImage> pngs = new ArrayList<>(drawn);
    pngs.addAll(images);
    boolean simulated = analysis.run().simulated() || (analysis.compared() != null && analysis.compared().simulated());
    try {
      Files.createDirectories(outDir);
      for (ChartImage c : pngs) Files.write(outDir.resolve(c.fileName()), c.png());
      Path html = outDir.resolve(HTML);
      Files.writeString(html, ReportPage.render(analysis, simulated, PageContent.of(analysis, samples, comparedSamples),
          pngs, images));
      return html;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + outDir, e);
    }
  }

  static List<ChartImage> charts(RunAnalysis run) {
    ChartStyle style = new ChartStyle(run);
    List<ChartImage> out = new ArrayList<>();
    out.add(ScoreDurationChart.render(run, style));
    for (SizeStats s : run.sizes()) out.add(LatencyChart.render(run, s.size(), style));
    for (SizeStats s : run.sizes()) out.add(AccuracyChart.render(run, s.size(), style));
    return out;
  }

  static List<ChartImage> loadCharts(RunAnalysis run, List<LoadCurve> load) {
    ChartStyle style = new ChartStyle(run);
    return List.of(LoadCurveChart.render(load, style), LoadAccuracyChart.render(load, style));
  }

  /** Scores by scorer and speed by prompt length, when the analysis has those tables. */
  static List<ChartImage> breakdownCharts(Analysis analysis) {
    List<ChartImage> out = new ArrayList<>();
    for (AnalysisTable t : analysis.tables()) {
      if (t.id().equals(ScorerScores.ID)) out.addAll(ScorerChart.render(t, analysis.run().simulated()));
      if (t.id().equals(SpeedByPromptSize.ID)) out.addAll(PromptBandChart.render(t, new ChartStyle(analysis.run())));
    }
    return out;
  }
}
