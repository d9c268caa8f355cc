package dev.provbench.report;

import dev.provbench.analysis.load.LoadCurve;
import dev.provbench.analysis.load.LoadStepStats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Throughput against p90 latency along each model's load ladder: one line per provider and model, a point
 * per step labelled with its load, the saturation knee ringed. Up and to the right is more load; a line that
 * turns straight up has stopped gaining throughput.
 */
final class LoadCurveChart {
  private LoadCurveChart() {}

  static ChartImage render(List<LoadCurve> curves, ChartStyle style) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    XYPlot plot = new XYPlot(data, axis("throughput, answered requests per second", true),
        axis("p90 duration per answered cell, s", true), renderer);
    for (LoadCurve c : curves) {
      XYSeries series = new XYSeries(c.name(), false, true);
      for (LoadStepStats s : c.steps()) {
        if (Double.isNaN(s.p90Ms())) continue;
        series.add(s.throughput(), s.p90Ms() / 1000);
        XYTextAnnotation label = new XYTextAnnotation(" " + s.load().replace(" in flight", ""), s.throughput(), s.p90Ms() / 1000);
        label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addAnnotation(label);
      }
      int i = data.getSeriesCount();
      data.addSeries(series);
      renderer.setSeriesPaint(i, style.colour(c.provider()));
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      LoadStepStats knee = c.kneeStep();
      if (knee != null) {
        plot.addAnnotation(new XYShapeAnnotation(ring(knee.throughput(), knee.p90Ms() / 1000, plot), new BasicStroke(2.5f),
            Color.BLACK));
      }
    }
    return ChartImage.of("load-throughput-latency.png", "One line per provider and model along its load ladder: each point"
        + " a step (labelled with the requests it kept in flight), throughput of answered cells against their p90"
        + " duration; the ringed point is the saturation knee, after which more load buys latency, not throughput.",
        style.chart("Throughput vs latency under load", plot), ChartImage.WIDTH, ChartImage.HEIGHT);
  }

  /** A ring in data units around a point: sized from the data's range so it stays round-ish at any scale. */
  private static Ellipse2D ring(double x, double y, XYPlot plot) {
    double rx = Math.max(0.02 * maxX(plot), 1e-6);
    double ry = Math.max(0.03 * maxY(plot), 1e-6);
    return new Ellipse2D.Double(x - rx, y - ry, 2 * rx, 2 * ry);
  }

  private static double maxX(XYPlot plot) {
    double max = 0;
    for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
      for (int i = 0; i < plot.getDataset().getItemCount(s); i++) max = Math.max(max, plot.getDataset().getXValue(s, i));
    }
    return max;
  }

  private static double maxY(XYPlot plot) {
    double max = 0;
    for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
      for (int i = 0; i < plot.getDataset().getItemCount(s); i++) max = Math.max(max, plot.getDataset().getYValue(s, i));
    }
    return max;
  }

  static NumberAxis axis(String label, boolean fromZero) {
    NumberAxis a = new NumberAxis(label);
    a.setAutoRangeIncludesZero(fromZero);
    return a;
  }

  static String format(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
