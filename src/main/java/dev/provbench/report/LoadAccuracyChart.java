package dev.provbench.report;

import dev.provbench.analysis.load.LoadCurve;
import dev.provbench.analysis.load.LoadStepStats;
import java.awt.BasicStroke;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Accuracy along each model's load ladder: answered CorrectScore with its 95% case-bootstrap interval at each
 * step's concurrency (log scale), one line per provider and model; the knee is marked, and a step whose
 * accuracy is significantly below the lowest step's (paired, Holm) is labelled "drop".
 */
final class LoadAccuracyChart {
  private LoadAccuracyChart() {}

  static ChartImage render(List<LoadCurve> curves, ChartStyle style) {
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setErrorStroke(ChartStyle.WHISKER);
    renderer.setCapLength(6);
    renderer.setDefaultLinesVisible(true);
    LogAxis x = new LogAxis("requests in flight per model (log scale)");
    x.setBase(2);
    x.setTickUnit(new NumberTickUnit(1));
    x.setNumberFormatOverride(new DecimalFormat("0"));
    NumberAxis y = LoadCurveChart.axis("answered CorrectScore (95% CI)", false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    int n = curves.size();
    for (int c = 0; c < n; c++) {
      LoadCurve curve = curves.get(c);
      XYIntervalSeries series = new XYIntervalSeries(curve.name(), false, true);
      // Side by side within a step, so intervals do not hide each other.
      double nudge = Math.pow(2, (c - (n - 1) / 2.0) * 0.04);
      for (int i = 0; i < curve.steps().size(); i++) {
        LoadStepStats s = curve.steps().get(i);
        if (s.concurrency() == null || Double.isNaN(s.accuracy().mean())) continue;
        double at = s.concurrency() * nudge;
        series.add(at, at, at, s.accuracy().mean(), s.accuracy().low(), s.accuracy().high());
        if (i == curve.knee()) plot.addAnnotation(label("knee", at, s.accuracy().high(), TextAnchor.BOTTOM_CENTER, style, curve));
        if (s == curve.firstDrop()) plot.addAnnotation(label("drop", at, s.accuracy().low(), TextAnchor.TOP_CENTER, style, curve));
      }
      data.addSeries(series);
      renderer.setSeriesPaint(c, style.colour(curve.provider()));
      renderer.setSeriesStroke(c, new BasicStroke(2f));
    }
    y.setUpperMargin(0.08);
    return ChartImage.of("load-accuracy.png", "Answered CorrectScore at each step of the load ladder, with its 95% bootstrap"
        + " interval over cases; \"knee\" marks the saturation knee and \"drop\" the first step significantly below the"
        + " lowest step (paired by case, Holm over the steps). Failures are not in it: see the error and 429 rates.",
        style.chart("Accuracy vs load", plot), ChartImage.WIDTH, ChartImage.HEIGHT);
  }

  /** A word above or below a point's interval, in its curve's colour. */
  private static XYTextAnnotation label(String text, double x, double y, TextAnchor anchor, ChartStyle style, LoadCurve c) {
    XYTextAnnotation label = new XYTextAnnotation(text, x, y);
    label.setPaint(style.colour(c.provider()));
    label.setTextAnchor(anchor);
    return label;
  }
}
