package dev.provbench.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * One chart of the report, rendered to PNG.
 *
 * @param fileName the PNG's name in the report folder, e.g. {@code latency-8b.png}.
 * @param title    what the chart shows (its alt text).
 * @param caption  how to read it: what a point, box or whisker means.
 * @param png      the image.
 */
public record ChartImage(String fileName, String title, String caption, byte[] png) {
  static final int WIDTH = 900;
  static final int HEIGHT = 540;

  static ChartImage of(String fileName, String caption, JFreeChart chart, int width, int height) {
    BufferedImage image = chart.createBufferedImage(width, height);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeBufferedImageAsPNG(out, image);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + fileName, e);
    }
    return new ChartImage(fileName, chart.getTitle().getText(), caption, out.toByteArray());
  }
}
