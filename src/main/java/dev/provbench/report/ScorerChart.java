package dev.provbench.report;

import dev.provbench.analysis.ScorerScores;
import dev.provbench.analysis.output.AnalysisTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Mean score on each scorer per experiment within one size, with 95% bootstrap CI whiskers: a column per experiment,
 * a colour per scorer side by side in it. Drawn from the {@code scorer_scores} table.
 */
final class ScorerChart {
  /** How far apart a column's scorers sit, in columns. */
  private static final double SPREAD = 0.5;

  private ScorerChart() {}

  /** One chart per size of the table, in its order. */
  static List<ChartImage> render(AnalysisTable table, boolean simulated) {
    List<String> sizes = column(table, "size");
    List<ChartImage> out = new ArrayList<>();
    for (String size : sizes.stream().distinct().toList()) out.add(render(table, size, simulated));
    return out;
  }

  static ChartImage render(AnalysisTable t, String size, boolean simulated) {
    List<String> scorers = column(t, "scorer").stream().distinct().toList();
    // A colour per scorer, by the same palette as providers elsewhere.
    ChartStyle colours = new ChartStyle(scorers, simulated);
    Map<String, Integer> slots = new LinkedHashMap<>();
    for (int r = 0; r < t.rows().size(); r++) {
      if (size.equals(t.value(r, "size"))) slots.putIfAbsent(t.value(r, "provider") + "\n" + t.value(r, "model"), slots.size());
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    XYErrorRenderer renderer = new XYErrorRenderer();
    for (String scorer : scorers) {
      YIntervalSeries series = new YIntervalSeries(scorer, false, true);
      double offset = scorers.size() == 1 ? 0 : SPREAD * (scorers.indexOf(scorer) / (scorers.size() - 1.0) - 0.5);
      for (int r = 0; r < t.rows().size(); r++) {
        if (!size.equals(t.value(r, "size")) || !scorer.equals(t.value(r, "scorer"))) continue;
        int slot = slots.get(t.value(r, "provider") + "\n" + t.value(r, "model"));
        series.add(slot + offset, num(t, r, "mean score"), num(t, r, "CI low"), num(t, r, "CI high"));
      }
      int i = data.getSeriesCount();
      data.addSeries(series);
      renderer.setSeriesPaint(i, colours.colour(scorer));
    }
    renderer.setErrorStroke(ChartStyle.WHISKER);
    renderer.setCapLength(8);
    renderer.setDefaultLinesVisible(false);
    SymbolAxis x = new SymbolAxis(size + ", by experiment", labels(slots));
    x.setRange(-0.6, slots.size() - 0.4);
    x.setGridBandsVisible(false);
    NumberAxis y = new NumberAxis("mean score (95% CI)");
    y.setRange(-0.03, 1.05);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setDomainGridlinesVisible(false);
    return ChartImage.of("scorers-" + size + ".png", "Mean score at " + size + " on each of the job's scorers, one"
        + " colour per scorer, with its 95% bootstrap CI over cases; cells with no answer score 0 on every scorer (table "
        + ScorerScores.ID + ").", colours.chart("Score by scorer at " + size, plot), 600, 440);
  }

  /** The provider alone, or with its model when the provider has several experiments at the size. */
  private static String[] labels(Map<String, Integer> slots) {
    List<String> keys = new ArrayList<>(slots.keySet());
    return keys.stream().map(k -> {
      String provider = k.substring(0, k.indexOf('\n'));
      boolean alone = keys.stream().filter(o -> o.startsWith(provider + "\n")).count() == 1;
      return alone ? provider : k.replace('\n', ' ');
    }).toArray(String[]::new);
  }

  static List<String> column(AnalysisTable t, String name) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < t.rows().size(); r++) out.add((String) t.value(r, name));
    return out;
  }

  static double num(AnalysisTable t, int row, String column) {
    Object v = t.value(row, column);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }
}
