package dev.provbench.report;

import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.AnalysisTable;
import dev.provbench.analysis.Column;
import dev.provbench.analysis.Insight;
import java.util.Base64;
import java.util.List;

/**
 * The report as one self-contained HTML page: styles inline, charts as base64 PNG data URIs, no script,
 * font or image fetched from anywhere.
 */
final class HtmlPage {
  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1200px;color:#222;padding:0 1rem}
      h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
      .simulated{background:#fdecea;border:1px solid #b00020;color:#b00020;padding:.6rem 1rem;font-weight:600}
      .charts{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0}figure img{max-width:100%;border:1px solid #eee}
      figcaption{font-size:.85rem;color:#555;max-width:600px}
      table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.25rem .5rem}
      th{background:#f5f5f5;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
      .coverage{font-size:.85rem;color:#555}.basis{color:#666;font-size:.85rem}
      """;

  private HtmlPage() {}

  static String render(Analysis analysis, List<ChartImage> charts) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>provbench report: ").append(escape(analysis.heading())).append("</title><style>")
        .append(STYLE).append("</style></head><body>\n");
    sb.append("<h1>provbench report: ").append(escape(analysis.heading())).append("</h1>\n");
    if (analysis.run().simulated() || (analysis.compared() != null && analysis.compared().simulated())) {
      sb.append("<p class=\"simulated\">Simulated providers: these results come from provbench's local simulated"
          + " providers, not from real services.</p>\n");
    }
    sb.append("<p>").append(analysis.run().cells()).append(" cells, ").append(analysis.run().failed())
        .append(" failed. Accuracy counts a cell with no answer as CorrectScore 0; speed figures come from answered cells,"
            + " with the failure rate beside them.</p>\n");
    sb.append("<h2>Findings</h2>\n<ul>\n");
    for (Insight i : analysis.insights()) {
      sb.append("<li>").append(escape(i.text())).append(" <span class=\"basis\">(").append(escape(i.basis()))
          .append(")</span></li>\n");
    }
    sb.append("</ul>\n<h2>Charts</h2>\n<div class=\"charts\">\n");
    for (ChartImage c : charts) {
      sb.append("<figure><img alt=\"").append(escape(c.title())).append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(c.png())).append("\"><figcaption>").append(escape(c.caption()))
          .append("</figcaption></figure>\n");
    }
    sb.append("</div>\n");
    for (AnalysisTable t : analysis.tables()) sb.append(table(t));
    return sb.append("</body></html>\n").toString();
  }

  static String table(AnalysisTable t) {
    StringBuilder sb = new StringBuilder("<h2 id=\"").append(t.id()).append("\">").append(escape(t.title()))
        .append("</h2>\n<table><thead><tr>");
    for (Column c : t.columns()) sb.append("<th>").append(escape(c.name())).append("</th>");
    sb.append("</tr></thead><tbody>\n");
    for (int r = 0; r < t.rows().size(); r++) {
      sb.append("<tr>");
      for (int c = 0; c < t.columns().size(); c++) {
        sb.append(t.columns().get(c).format() == null ? "<td>" : "<td class=\"num\">").append(escape(t.formatted(r, c)))
            .append("</td>");
      }
      sb.append("</tr>\n");
    }
    return sb.append("</tbody></table>\n<p class=\"coverage\">").append(escape(t.coverage())).append("</p>\n").toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
