package dev.provbench.report;

import dev.provbench.analysis.ExperimentStats;
import dev.provbench.analysis.RunAnalysis;
import dev.provbench.analysis.SizeOrder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The same colour for a provider and the same marker for a size in every chart of a report. Colours are
 * the Okabe–Ito palette, readable by colour-blind readers.
 */
final class ChartStyle {
  private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
      new Color(0xCC79A7), new Color(0xD55E00), new Color(0x56B4E9), Color.BLACK, new Color(0x999999)};
  private static final Font TITLE = new Font("SansSerif", Font.BOLD, 18);
  private static final Font LABEL = new Font("SansSerif", Font.PLAIN, 13);
  private static final Color GRIDLINE = new Color(0xDDDDDD);
  static final BasicStroke WHISKER = new BasicStroke(1.6f);

  /**
   * The house look of every chart, applied by {@link #chart}: SansSerif, the title 18-point bold, axis labels, tick
   * labels, legend and point labels 13-point, all black; white chart and plot, grey plot outline, light grey
   * gridlines, axes flush with the plot. A chart that shows no vertical gridlines turns them off itself. One per JVM,
   * never changed after construction, so charts drawn at the same time share it ({@code apply} only reads it).
   */
  private static final StandardChartTheme THEME = new HouseTheme();

  private final Map<String, Paint> providers = new LinkedHashMap<>();
  private final Map<String, Shape> sizes = new LinkedHashMap<>();
  private final boolean simulated;

  ChartStyle(RunAnalysis run) {
    this(run.experiments().stream().map(s -> s.experiment().provider()).toList(),
        run.sizes().stream().map(s -> s.size()).toList(), run.simulated());
  }

  /** Colours for {@code providerNames} and markers for {@code sizeLabels}, assigned in sorted order. */
  ChartStyle(Collection<String> providerNames, Collection<String> sizeLabels, boolean simulated) {
    TreeSet<String> names = new TreeSet<>(providerNames);
    int i = 0;
    for (String p : names) providers.put(p, PALETTE[i++ % PALETTE.length]);
    List<String> sizeNames = sizeLabels.stream().distinct().sorted(SizeOrder.COMPARATOR).toList();
    Shape[] shapes = {new Ellipse2D.Double(-6, -6, 12, 12), new Rectangle2D.Double(-5.5, -5.5, 11, 11), triangle(true),
        diamond(), triangle(false)};
    for (int s = 0; s < sizeNames.size(); s++) sizes.put(sizeNames.get(s), shapes[s % shapes.length]);
    this.simulated = simulated;
  }

  /** Colours for these providers alone, no size markers: for charts drawn without a whole run's figures. */
  ChartStyle(Collection<String> providerNames, boolean simulated) {
    int i = 0;
    for (String p : new TreeSet<>(providerNames)) providers.put(p, PALETTE[i++ % PALETTE.length]);
    this.simulated = simulated;
  }

  Paint colour(String provider) {
    return providers.get(provider);
  }

  Shape marker(String size) {
    return sizes.get(size);
  }

  Map<String, Paint> providers() {
    return providers;
  }

  Map<String, Shape> sizes() {
    return sizes;
  }

  /** {@code P1}, or {@code P1 (25% failed)} when some of its cells failed: speed charts show answered cells. */
  static String withFailures(ExperimentStats s) {
    if (s.failed() == 0) return s.experiment().provider();
    return String.format(Locale.ROOT, "%s (%.0f%% failed)", s.experiment().provider(), s.failureRate() * 100);
  }

  /** A chart in the house theme, with a "simulated providers" subtitle when so. */
  JFreeChart chart(String title, Plot plot) {
    JFreeChart chart = new JFreeChart(title, plot);
    THEME.apply(chart);
    // Added after the theme, which would set every subtitle in the axis-label font and black.
    if (simulated) {
      TextTitle note = new TextTitle("Simulated providers: not measurements of real services", LABEL);
      note.setPaint(new Color(0xB00020));
      chart.addSubtitle(note);
    }
    return chart;
  }

  /** The standard theme, minus what it would undo of each chart's own choices. */
  private static final class HouseTheme extends StandardChartTheme {
    HouseTheme() {
      super("provbench");
      setExtraLargeFont(TITLE);
      setLargeFont(LABEL);
      setRegularFont(LABEL);
      setSmallFont(LABEL);
      setTitlePaint(Color.BLACK);
      setAxisLabelPaint(Color.BLACK);
      setTickLabelPaint(Color.BLACK);
      setLegendItemPaint(Color.BLACK);
      setChartBackgroundPaint(Color.WHITE);
      setPlotBackgroundPaint(Color.WHITE);
      setPlotOutlinePaint(Color.GRAY);
      setDomainGridlinePaint(GRIDLINE);
      setRangeGridlinePaint(GRIDLINE);
      setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    /** The standard theme clears series colours and strokes for its own palette; ours are by provider. */
    @Override
    protected void applyToAbstractRenderer(AbstractRenderer renderer) {}

    /** The standard theme also paints text annotations black; a label may be in its curve's colour. */
    @Override
    protected void applyToXYAnnotation(XYAnnotation annotation) {
      if (annotation instanceof XYTextAnnotation label) label.setFont(getSmallFont());
    }
  }

  private static Shape triangle(boolean up) {
    Path2D.Double p = new Path2D.Double();
    double s = up ? 1 : -1;
    p.moveTo(0, -7 * s);
    p.lineTo(6.5, 5 * s);
    p.lineTo(-6.5, 5 * s);
    p.closePath();
    return p;
  }

  private static Shape diamond() {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -7);
    p.lineTo(7, 0);
    p.lineTo(0, 7);
    p.lineTo(-7, 0);
    p.closePath();
    return p;
  }
}
