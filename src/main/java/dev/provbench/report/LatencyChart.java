package dev.provbench.report;

import dev.provbench.analysis.ExperimentStats;
import dev.provbench.analysis.RunAnalysis;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * Duration distribution of answered cells per provider within one size: box p25–p75, line p50, whiskers
 * p5–p95; each provider's failure rate in the legend. Built from percentiles computed by Spark, so it costs
 * the same for a million cells.
 */
final class LatencyChart {
  private LatencyChart() {}

  static ChartImage render(RunAnalysis run, String size, ChartStyle style) {
    DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
    List<ExperimentStats> at = run.at(size);
    BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
    int series = 0;
    for (ExperimentStats s : at) {
      double[] p = s.timing().durationPct();
      if (Double.isNaN(p[2])) continue;
      data.add(new BoxAndWhiskerItem(s.timing().durationMean(), p[2], p[1], p[3], p[0], p[5], p[0], p[5], List.of()),
          ChartStyle.withFailures(s), size);
      renderer.setSeriesPaint(series++, style.colour(s.experiment().provider()));
    }
    renderer.setMeanVisible(false);
    renderer.setMedianVisible(true);
    renderer.setMaxOutlierVisible(false);
    renderer.setMinOutlierVisible(false);
    renderer.setMaximumBarWidth(0.12);
    renderer.setItemMargin(0.15);
    renderer.setUseOutlinePaintForWhiskers(false);
    renderer.setDefaultOutlinePaint(Color.DARK_GRAY);
    CategoryAxis x = new CategoryAxis(size + ", by provider");
    x.setTickLabelsVisible(false);
    NumberAxis y = new NumberAxis("duration per answered cell, s");
    y.setAutoRangeIncludesZero(true);
    CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
    return ChartImage.of("latency-" + size + ".png", "Duration per answered cell at " + size + ": box p25–p75, line p50,"
        + " whiskers p5–p95; failed cells are left out and each provider's failure rate is in the legend (the"
        + " speed_variance table has mean, p99, max and the p50's 95% CI).",
        style.chart("Latency by provider at " + size, plot), 600, 440);
  }
}
