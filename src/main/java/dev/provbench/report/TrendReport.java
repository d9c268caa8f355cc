package dev.provbench.report;

import com.samskivert.mustache.Template;
import dev.provbench.analysis.Experiment;
import dev.provbench.analysis.output.Insight;
import dev.provbench.analysis.trend.Trend;
import dev.provbench.analysis.trend.TrendChange;
import dev.provbench.analysis.trend.TrendTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The trend of a series as one self-contained HTML page ({@code trend.html}, from {@code trend.html.mustache},
 * HTML escaping on) with its charts also written as PNGs: accuracy and p50 over time per size, flagged changes
 * ringed, then the findings and the tables of {@code provbench trend}.
 */
public final class TrendReport {
  public static final String HTML = "trend.html";
  private static final String TEMPLATE = "trend.html.mustache";
  private static final Template PAGE = HtmlPage.compile(TEMPLATE);

  private TrendReport() {}

  record Page(String series, boolean simulated, int runs, List<Insight> insights, List<HtmlPage.Chart> charts,
      List<HtmlPage.Table> tables) {}

  /** Writes the page and its charts into {@code outDir}; returns the page. */
  public static Path write(Trend trend, boolean simulated, Path outDir) {
    List<String> providers = trend.runs().stream().flatMap(r -> r.points().keySet().stream()).map(Experiment::provider).toList();
    List<String> sizes = TrendChart.sizes(trend);
    ChartStyle style = new ChartStyle(providers, sizes, simulated);
    List<ChartImage> charts = new ArrayList<>();
    for (String size : sizes) {
      charts.add(TrendChart.render(trend, size, TrendChange.Metric.ACCURACY, style));
      charts.add(TrendChart.render(trend, size, TrendChange.Metric.LATENCY, style));
    }
    try {
      Files.createDirectories(outDir);
      for (ChartImage c : charts) Files.write(outDir.resolve(c.fileName()), c.png());
      Path html = outDir.resolve(HTML);
      Files.writeString(html, PAGE.execute(new Page(trend.series(), simulated, trend.runs().size(), trend.insights(),
          charts.stream().map(HtmlPage::chart).toList(),
          TrendTables.of(trend).stream().map(HtmlPage::table).toList())));
      return html;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trend report to " + outDir, e);
    }
  }
}
