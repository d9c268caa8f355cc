package dev.provbench.report;

import dev.provbench.analysis.PromptBand;
import dev.provbench.analysis.SpeedByPromptSize;
import dev.provbench.analysis.output.AnalysisTable;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Median duration of answered cells per prompt-length band within one size: a line per experiment across the bands it
 * ran, so crossing lines show a provider fast on short prompts and slow on long ones. Drawn from the
 * {@code speed_by_prompt_size} table; only sizes whose cells span two or more bands get a chart.
 */
final class PromptBandChart {
  private PromptBandChart() {}

  static List<ChartImage> render(AnalysisTable table, ChartStyle style) {
    List<ChartImage> out = new ArrayList<>();
    for (String size : ScorerChart.column(table, "size").stream().distinct().toList()) {
      List<String> bands = bands(table, size);
      if (bands.size() >= 2) out.add(render(table, size, bands, style));
    }
    return out;
  }

  static ChartImage render(AnalysisTable t, String size, List<String> bands, ChartStyle style) {
    Map<String, XYSeries> lines = new LinkedHashMap<>();
    Map<String, String> providerOf = new LinkedHashMap<>();
    for (int r = 0; r < t.rows().size(); r++) {
      if (!size.equals(t.value(r, "size"))) continue;
      String provider = (String) t.value(r, "provider");
      String name = provider + " " + t.value(r, "model");
      providerOf.put(name, provider);
      lines.computeIfAbsent(name, k -> new XYSeries(k, true, false))
          .add(bands.indexOf((String) t.value(r, "prompt tokens")), ScorerChart.num(t, r, "p50 s"));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (Map.Entry<String, XYSeries> e : lines.entrySet()) {
      int i = data.getSeriesCount();
      data.addSeries(e.getValue());
      renderer.setSeriesPaint(i, style.colour(providerOf.get(e.getKey())));
      renderer.setSeriesShape(i, style.marker(size));
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    SymbolAxis x = new SymbolAxis(size + ", prompt tokens", bands.toArray(String[]::new));
    x.setRange(-0.4, bands.size() - 0.6);
    x.setGridBandsVisible(false);
    NumberAxis y = LoadCurveChart.axis("p50 duration per answered cell, s", true);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setDomainGridlinesVisible(false);
    return ChartImage.of("prompt-length-" + size + ".png", "Median duration of answered cells at " + size + " by"
        + " prompt-token band (k = 1,000), a line per provider and model; lines that cross mean the fastest on short"
        + " prompts is not the fastest on long ones (table " + SpeedByPromptSize.ID + ", with TTFT and ranks).",
        style.chart("Speed by prompt length at " + size, plot), 600, 440);
  }

  /** The bands with cells at {@code size}, shortest first. */
  private static List<String> bands(AnalysisTable t, String size) {
    List<String> present = new ArrayList<>();
    for (int r = 0; r < t.rows().size(); r++) if (size.equals(t.value(r, "size"))) present.add((String) t.value(r, "prompt tokens"));
    return Arrays.stream(PromptBand.values()).map(PromptBand::label).filter(present::contains).toList();
  }
}
