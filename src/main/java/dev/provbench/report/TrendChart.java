package dev.provbench.report;

import dev.provbench.analysis.Experiment;
import dev.provbench.analysis.SizeOrder;
import dev.provbench.analysis.trend.Trend;
import dev.provbench.analysis.trend.TrendChange;
import dev.provbench.analysis.trend.TrendPoint;
import dev.provbench.analysis.trend.TrendRun;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One size's experiments over the runs of a series: accuracy with its 95% interval, or p50 answered duration,
 * a line per provider and model, and a red ring on every run where {@code trend} flagged a change.
 */
final class TrendChart {
  private static final double RING = 18;

  private TrendChart() {}

  static ChartImage render(Trend trend, String size, TrendChange.Metric metric, ChartStyle style) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    XYErrorRenderer renderer = new XYErrorRenderer();
    List<Experiment> experiments = trend.runs().stream().flatMap(r -> r.points().keySet().stream())
        .filter(e -> e.size().equals(size)).distinct().sorted(Experiment.ORDER).toList();
    boolean accuracy = metric == TrendChange.Metric.ACCURACY;
    for (int i = 0; i < experiments.size(); i++) {
      Experiment e = experiments.get(i);
      YIntervalSeries series = new YIntervalSeries(e.provider() + " (" + e.model() + ")", false, true);
      for (TrendRun run : trend.runs()) {
        TrendPoint p = run.points().get(e);
        if (p == null) continue;
        double x = run.started().toEpochMilli();
        if (accuracy) series.add(x, p.accuracy().mean(), p.accuracy().low(), p.accuracy().high());
        else if (p.p50s() != null) series.add(x, p.p50s(), p.p50s(), p.p50s());
      }
      data.addSeries(series);
      renderer.setSeriesPaint(i, style.colour(e.provider()));
      renderer.setSeriesShape(i, style.marker(size));
    }
    renderer.setDefaultLinesVisible(true);
    renderer.setErrorStroke(ChartStyle.WHISKER);
    renderer.setCapLength(8);
    renderer.setDrawYError(accuracy);
    renderer.setDrawXError(false);
    DateAxis x = new DateAxis("run started (UTC)");
    x.setTimeZone(TimeZone.getTimeZone("UTC"));
    NumberAxis y = new NumberAxis(accuracy ? "mean CorrectScore (95% CI)" : "p50 answered duration (s)");
    y.setAutoRangeIncludesZero(!accuracy);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setDomainGridlinesVisible(false);
    long flagged = 0;
    for (TrendChange c : trend.flagged()) {
      if (c.metric() != metric || !c.experiment().size().equals(size)) continue;
      double value = accuracy ? c.after() : c.after() == null ? Double.NaN : c.after();
      if (Double.isNaN(value)) continue;
      flagged++;
      plot.addAnnotation(new XYShapeAnnotation(ring(c.at().toEpochMilli(), value, plot), new BasicStroke(2f), new Color(0xB00020)));
    }
    String what = accuracy ? "Accuracy" : "p50 duration";
    return ChartImage.of("trend-" + (accuracy ? "accuracy" : "p50") + "-" + size + ".png", what + " at " + size
        + " run by run" + (accuracy ? " with 95% case-bootstrap intervals" : " (answered cells)") + "; " + flagged
        + " flagged change" + (flagged == 1 ? "" : "s") + " ringed in red (significant after Holm over the series).",
        style.chart(what + " over time at " + size, plot), 700, 440);
  }

  /** A ring of fixed pixel size cannot be drawn in data units before layout; this one is sized to the data ranges. */
  private static Shape ring(double x, double y, XYPlot plot) {
    double w = Math.max(1, plot.getDomainAxis().getRange().getLength()) * RING / 700;
    double h = Math.max(1e-9, plot.getRangeAxis().getRange().getLength()) * RING / 440;
    return new Ellipse2D.Double(x - w / 2, y - h / 2, w, h);
  }

  /** Every size in the series, in size order. */
  static List<String> sizes(Trend trend) {
    return trend.runs().stream().flatMap(r -> r.points().keySet().stream()).map(Experiment::size).distinct()
        .sorted(SizeOrder.COMPARATOR).toList();
  }
}
