package dev.provbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** The house theme sets the look and leaves what a chart chose for itself: series colours, strokes, label colours. */
class ChartStyleTest {
  private final ChartStyle style = new ChartStyle(List.of("P1", "P2"), true);

  @Test
  void themeKeepsEachChartsOwnChoices() {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesPaint(0, style.colour("P2"));
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    XYPlot plot = new XYPlot(new XYSeriesCollection(), new NumberAxis("x"), new NumberAxis("y"), renderer);
    plot.setDomainGridlinesVisible(false);
    XYTextAnnotation label = new XYTextAnnotation("knee", 1, 1);
    label.setPaint(style.colour("P1"));
    plot.addAnnotation(label);

    JFreeChart chart = style.chart("t", plot);

    assertEquals(new Color(0xE69F00), renderer.getSeriesPaint(0));
    assertEquals(new BasicStroke(2f), renderer.getSeriesStroke(0));
    assertEquals(new Color(0x0072B2), label.getPaint());
    assertFalse(plot.isDomainGridlinesVisible());
    assertEquals(new Color(0xB00020), ((TextTitle) chart.getSubtitle(1)).getPaint());
  }

  @Test
  void themeSetsTheHouseLook() {
    XYPlot plot = new XYPlot(new XYSeriesCollection(), new NumberAxis("x"), new NumberAxis("y"),
        new XYLineAndShapeRenderer());
    XYTextAnnotation label = new XYTextAnnotation("25% failed", 1, 1);
    plot.addAnnotation(label);

    JFreeChart chart = style.chart("t", plot);

    assertEquals(18, chart.getTitle().getFont().getSize());
    assertEquals(13, plot.getRangeAxis().getLabelFont().getSize());
    assertEquals(13, plot.getRangeAxis().getTickLabelFont().getSize());
    assertEquals(13, label.getFont().getSize());
    assertEquals(Color.WHITE, chart.getBackgroundPaint());
    assertEquals(Color.WHITE, plot.getBackgroundPaint());
    assertEquals(new Color(0xDDDDDD), plot.getRangeGridlinePaint());
    assertEquals(new Color(0xDDDDDD), plot.getDomainGridlinePaint());
  }
}
