package dev.provbench.report;

import dev.provbench.analysis.ExperimentStats;
import dev.provbench.analysis.RunAnalysis;
import dev.provbench.stats.Interval;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The write-up's score-vs-duration scatter: one point per experiment at (mean duration of answered cells,
 * mean CorrectScore with failures scoring 0), colour by provider, marker by size, whiskers the accuracy's
 * 95% CI; an experiment with failures is labelled with its failure rate.
 */
final class ScoreDurationChart {
  private ScoreDurationChart() {}

  static ChartImage render(RunAnalysis run, ChartStyle style) {
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    Map<String, XYIntervalSeries> byProvider = new LinkedHashMap<>();
    Map<String, List<String>> sizesOf = new LinkedHashMap<>();
    for (String provider : style.providers().keySet()) {
      XYIntervalSeries series = new XYIntervalSeries(provider, false, true);
      byProvider.put(provider, series);
      sizesOf.put(provider, new ArrayList<>());
      data.addSeries(series);
    }
    List<XYTextAnnotation> labels = new ArrayList<>();
    for (ExperimentStats s : run.experiments()) {
      Interval ci = run.accuracy().get(s.experiment());
      double x = s.timing().durationMean();
      if (Double.isNaN(x)) continue;
      byProvider.get(s.experiment().provider()).add(x, x, x, ci.mean(), ci.low(), ci.high());
      sizesOf.get(s.experiment().provider()).add(s.experiment().size());
      if (s.failed() > 0) {
        XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, "  %.0f%% failed", s.failureRate() * 100),
            x, ci.mean());
        label.setTextAnchor(TextAnchor.CENTER_LEFT);
        labels.add(label);
      }
    }
    List<String> providers = new ArrayList<>(byProvider.keySet());
    XYErrorRenderer renderer = new XYErrorRenderer() {
      @Override
      public Shape getItemShape(int series, int item) {
        return style.marker(sizesOf.get(providers.get(series)).get(item));
      }
    };
    renderer.setDrawXError(false);
    renderer.setErrorStroke(ChartStyle.WHISKER);
    renderer.setCapLength(8);
    renderer.setDefaultLinesVisible(false);
    for (int i = 0; i < providers.size(); i++) renderer.setSeriesPaint(i, style.colour(providers.get(i)));
    NumberAxis x = new NumberAxis("mean duration per answered cell, s (retries and back-off included)");
    x.setAutoRangeIncludesZero(true);
    NumberAxis y = new NumberAxis("mean CorrectScore (95% CI)");
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setFixedLegendItems(legend(style));
    labels.forEach(plot::addAnnotation);
    return ChartImage.of("score-vs-duration.png", "One point per experiment (provider × size): colour is the provider,"
        + " marker the size; duration is the mean of answered cells, accuracy counts failures as 0, and an experiment"
        + " with failures is labelled with its failure rate; the vertical whisker is the accuracy's 95% bootstrap CI"
        + " over cases.",
        style.chart("Score vs duration, one point per experiment", plot), ChartImage.WIDTH, ChartImage.HEIGHT);
  }

  private static LegendItemCollection legend(ChartStyle style) {
    LegendItemCollection items = new LegendItemCollection();
    for (Map.Entry<String, Paint> p : style.providers().entrySet()) {
      items.add(new LegendItem(p.getKey(), null, null, null, new Rectangle(-6, -6, 12, 12), p.getValue()));
    }
    for (Map.Entry<String, Shape> s : style.sizes().entrySet()) {
      LegendItem item = new LegendItem(s.getKey(), null, null, null, s.getValue(), Color.WHITE, new BasicStroke(1.5f),
          Color.DARK_GRAY);
      items.add(item);
    }
    return items;
  }
}
