package dev.provbench.report;

import dev.provbench.analysis.ExperimentStats;
import dev.provbench.analysis.RunAnalysis;
import dev.provbench.stats.Interval;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Mean CorrectScore per provider within one size, with 95% bootstrap CI whiskers. */
final class AccuracyChart {
  private AccuracyChart() {}

  static ChartImage render(RunAnalysis run, String size, ChartStyle style) {
    List<ExperimentStats> at = run.at(size);
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    XYErrorRenderer renderer = new XYErrorRenderer();
    String[] names = new String[at.size()];
    for (int i = 0; i < at.size(); i++) {
      ExperimentStats s = at.get(i);
      names[i] = s.experiment().provider();
      Interval ci = run.accuracy().get(s.experiment());
      YIntervalSeries series = new YIntervalSeries(names[i], false, true);
      series.add(i, ci.mean(), ci.low(), ci.high());
      data.addSeries(series);
      renderer.setSeriesPaint(i, style.colour(names[i]));
      renderer.setSeriesShape(i, style.marker(size));
    }
    renderer.setErrorStroke(ChartStyle.WHISKER);
    renderer.setCapLength(10);
    renderer.setDefaultLinesVisible(false);
    SymbolAxis x = new SymbolAxis(size, names);
    x.setRange(-0.6, at.size() - 0.4);
    x.setGridBandsVisible(false);
    NumberAxis y = new NumberAxis("mean CorrectScore (95% CI)");
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setDomainGridlinesVisible(false);
    long zero = at.stream().mapToLong(ExperimentStats::scoredZero).sum();
    return ChartImage.of("accuracy-" + size + ".png", "Mean CorrectScore at " + size + " with its 95% bootstrap CI over"
        + " cases; " + zero + " cells with no answer (failed or unparsable) score 0.", style.chart("Accuracy by provider at " + size, plot), 600, 440);
  }
}
