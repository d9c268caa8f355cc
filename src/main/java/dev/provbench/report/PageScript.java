package dev.provbench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report page's own JavaScript: the files under {@code page/} beside this class, in the order they depend on
 * each other, joined into the one script the page inlines. They draw the charts, tables and cells from the page's
 * JSON and never insert its text as markup. Read once per JVM; immutable.
 */
final class PageScript {
  /** dom first (the namespace and element helpers), report last (it starts the page). */
  static final List<String> FILES = List.of("dom.js", "tables.js", "charts.js", "cells.js", "report.js");
  static final String TEXT = FILES.stream().map(PageScript::read).collect(Collectors.joining("\n"));

  static {
    String lower = TEXT.toLowerCase(Locale.ROOT);
    if (lower.contains("</script") || lower.contains("<!--")) {
      throw new IllegalStateException("a page script holds </script or <!--, which would end or confuse its"
          + " <script> element");
    }
  }

  private PageScript() {}

  private static String read(String file) {
    try (InputStream in = PageScript.class.getResourceAsStream("page/" + file)) {
      if (in == null) throw new IllegalStateException("page/" + file + " is missing from the classpath");
      return "// page/" + file + "\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read page/" + file, e);
    }
  }
}
