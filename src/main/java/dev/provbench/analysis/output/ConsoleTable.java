package dev.provbench.analysis.output;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns: numbers to the right, text to the left. Not thread-safe. */
public final class ConsoleTable {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public ConsoleTable(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  public ConsoleTable row(List<String> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + headers.size() + " columns");
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  public String render() {
    int[] width = new int[headers.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = headers.get(i).length();
      for (List<String> r : rows) width[i] = Math.max(width[i], r.get(i).length());
    }
    StringBuilder sb = new StringBuilder();
    line(sb, headers, width, true);
    for (int i = 0; i < width.length; i++) {
      sb.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
    }
    sb.append('\n');
    for (List<String> r : rows) line(sb, r, width, false);
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width, boolean header) {
    for (int i = 0; i < width.length; i++) {
      String c = cells.get(i);
      boolean right = !header && looksNumeric(c);
      String pad = " ".repeat(width[i] - c.length());
      sb.append(i == 0 ? "" : "  ").append(right ? pad + c : c + (i == width.length - 1 ? "" : pad));
    }
    sb.append('\n');
  }

  private static boolean looksNumeric(String s) {
    return s.matches("[-+$]?[0-9][0-9.,]*[%sx]?") || s.equals("-");
  }
}
