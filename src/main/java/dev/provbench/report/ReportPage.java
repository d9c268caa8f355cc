package dev.provbench.report;

import com.samskivert.mustache.Template;
import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.Experiment;
import dev.provbench.analysis.ExperimentStats;
import java.util.List;

/**
 * The report as one self-contained interactive page, rendered from {@code report.html.mustache} beside this class.
 * The template writes the findings (each linking to the cells of the experiments it names) and the tables, every
 * value HTML-escaped; the page's script ({@link PageScript}) makes the tables sortable and filterable and draws the
 * charts (Apache ECharts, {@link EChartsLibrary}) and the cells from the JSON in a
 * {@code <script type="application/json">} element ({@link PageJson}), setting text, never markup. Those three are
 * the only values inserted unescaped, each safe inside its element; nothing is fetched. The template is compiled
 * once per JVM and is thread-safe.
 */
final class ReportPage {
  private static final Template PAGE = HtmlPage.compile("report.html.mustache");

  /**
   * What the template reads.
   *
   * @param heading        the analysis's heading, e.g. {@code run r1 (simulated providers)}.
   * @param simulated      whether either run's providers were simulated.
   * @param compared       the second run's id when two are compared, else "".
   * @param findings       the insights, with the experiments each names.
   * @param pngs           every chart's PNG beside the page.
   * @param images         the charts the page shows as images (those it does not draw itself).
   * @param tables         every table, in the write-up's order.
   * @param content        the script's content as JSON.
   * @param echarts        the charting library's script.
   * @param script         the page's own script.
   */
  record Page(String heading, boolean simulated, String runId, String compared, long cells, long failed,
      List<Finding> findings, List<Png> pngs, List<HtmlPage.Chart> images, List<TableContent> tables,
      PageContent.SampleLimits limits, String content, String echarts, String echartsVersion, String script) {
    boolean twoRuns() {
      return !compared.isEmpty();
    }

    boolean hasImages() {
      return !images.isEmpty();
    }
  }

  /** @param links the experiments the sentence names, each a link to its cells (run 0: the page's run). */
  record Finding(String text, String basis, List<FindingLinks.Link> links) {
    boolean hasLinks() {
      return !links.isEmpty();
    }
  }

  /** @param file the PNG's name beside the page. */
  record Png(String file, String title) {}

  private ReportPage() {}

  static String render(Analysis analysis, boolean simulated, PageContent content, List<ChartImage> pngs,
      List<ChartImage> images) {
    List<Experiment> experiments = analysis.run().experiments().stream().map(ExperimentStats::experiment).toList();
    List<Finding> findings = analysis.insights().stream()
        .map(i -> new Finding(i.text(), i.basis(), FindingLinks.of(i.text(), experiments))).toList();
    return PAGE.execute(new Page(analysis.heading(), simulated, analysis.run().runId(),
        analysis.compared() == null ? "" : analysis.compared().runId(), analysis.run().cells(), analysis.run().failed(),
        findings, pngs.stream().map(c -> new Png(c.fileName(), c.title())).toList(),
        images.stream().map(HtmlPage::chart).toList(), analysis.tables().stream().map(TableContent::of).toList(),
        PageContent.SampleLimits.CURRENT, PageJson.of(content), EChartsLibrary.SCRIPT, EChartsLibrary.VERSION, PageScript.TEXT));
  }
}
