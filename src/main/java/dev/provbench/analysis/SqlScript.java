package dev.provbench.analysis;

import dev.provbench.analysis.output.ConsoleTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs SQL text against the result views: one or more statements separated by {@code ;}. Semicolons
 * inside quotes and {@code --} comments do not split.
 */
public final class SqlScript {
  private SqlScript() {}

  /** The statements of a script, without comments-only pieces. */
  public static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
        int end = script.indexOf('\n', i);
        i = end < 0 ? script.length() : end;
        current.append('\n');
        continue;
      } else if (c == ';') {
        add(out, current);
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    add(out, current);
    return out;
  }

  /** Runs every statement in order and returns each one's result. */
  public static List<Dataset<Row>> run(SparkSession spark, String script) {
    List<Dataset<Row>> results = new ArrayList<>();
    for (String statement : statements(script)) results.add(spark.sql(statement));
    return results;
  }

  /** A result as an aligned table, at most {@code limit} rows. */
  public static String render(Dataset<Row> result, int limit) {
    ConsoleTable table = new ConsoleTable(List.of(result.columns()));
    List<Row> rows = result.limit(limit + 1).collectAsList();
    for (Row r : rows.subList(0, Math.min(limit, rows.size()))) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) cells.add(r.isNullAt(i) ? "-" : String.valueOf(r.get(i)));
      table.row(cells);
    }
    return table.render() + (rows.size() > limit ? "(first " + limit + " rows)\n" : "(" + rows.size() + " rows)\n");
  }

  private static void add(List<String> out, StringBuilder statement) {
    String s = statement.toString().strip();
    if (!s.isEmpty()) out.add(s);
  }
}
