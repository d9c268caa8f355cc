package dev.provbench.report.bench;

import dev.provbench.report.ReportOpening;
import java.nio.file.Path;

/**
 * A screenshot of part of a page, to look at it: {@code PageShot URL OUT.png TOP HEIGHT [SCRIPT]}; SCRIPT runs in
 * the page first (e.g. a click), and TOP may be a CSS selector whose element's top the shot starts at.
 */
public final class PageShot {
  public static void main(String[] args) throws Exception {
    ReportOpening.shot(args[0], Path.of(args[1]), args[2], Integer.parseInt(args[3]), args.length > 4 ? args[4] : "");
  }
}
