package dev.provbench.notebooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.results.ResultsViews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The copies of the {@code cells} and {@code experiments} views outside Java ({@code notebooks/sql/01_views.sql}
 * and the notebooks' view cells), made from {@link ResultsViews}, their one source. {@link ViewFilesTest} fails
 * when a copy differs; after changing a view, refresh the copies from the project folder with
 * <pre>mvn -o -q test -Dtest=ViewFilesTest -Dprovbench.refreshViews=true</pre>
 * (or run {@link #main} there).
 */
public final class ViewFiles {
  /** When this system property is true, {@link ViewFilesTest} rewrites the copies before comparing. */
  static final String REFRESH_PROPERTY = "provbench.refreshViews";
  static final Path NOTEBOOKS = Path.of("notebooks");
  static final Path VIEWS_SQL = NOTEBOOKS.resolve("sql/01_views.sql");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The views as the Java code registers them, by name, in registration order. */
  static final Map<String, String> VIEWS = views(ResultsViews.CELLS_SQL, ResultsViews.EXPERIMENTS_SQL, ResultsViews.SCORES_SQL);

  private static final String SQL_HEADER = """
      -- The views every other query reads, over the `results` view (all stored rows of a results folder).
      -- `provbench sql` registers the same views; this file repeats them for notebooks and other engines.
      -- Made from dev.provbench.results.ResultsViews: edit the views there, then refresh this file (see ViewFiles).
      """;
  private static final Map<String, String> SQL_COMMENTS = Map.of(
      "cells", "-- cells: one row per (run_id, cell_id); when a cell was re-run, the row with the latest finished_at wins.",
      "experiments", "-- experiments: one row per run x provider x model x size.",
      "scores", "-- scores: one row per cell x scorer (group any analysis by scorer).");

  private ViewFiles() {}

  /** Rewrites the copies from the Java constants; run from the project folder. */
  public static void main(String[] args) throws Exception {
    refresh();
  }

  static void refresh() throws IOException {
    Files.writeString(VIEWS_SQL, sqlFile(VIEWS));
    for (Path nb : notebooks()) Files.writeString(nb, notebook(Files.readString(nb), VIEWS));
    System.out.println("wrote " + VIEWS_SQL + " and the view cells of " + notebooks());
  }

  static Map<String, String> views(String cells, String experiments) {
    Map<String, String> views = new LinkedHashMap<>();
    views.put("cells", cells);
    views.put("experiments", experiments);
    return views;
  }

  static Map<String, String> views(String cells, String experiments, String scores) {
    Map<String, String> views = views(cells, experiments);
    views.put("scores", scores);
    return views;
  }

  /** {@code 01_views.sql}: a header, then per view its comment and statement. */
  static String sqlFile(Map<String, String> views) {
    StringBuilder sb = new StringBuilder(SQL_HEADER);
    views.forEach((name, sql) -> sb.append('\n').append(SQL_COMMENTS.get(name)).append('\n')
        .append(statement(name, sql)).append(";\n"));
    return sb.toString();
  }

  static String statement(String name, String sql) {
    return "CREATE OR REPLACE TEMP VIEW " + name + " AS\n" + sql;
  }

  /**
   * The notebook's text with the source of each view cell (a code cell whose first statement line is
   * {@code CREATE OR REPLACE TEMP VIEW <name> AS}) replaced; every other byte stays as it is.
   */
  static String notebook(String text, Map<String, String> views) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    for (Map.Entry<String, String> view : views.entrySet()) {
      int create = lines.indexOf("    " + json("CREATE OR REPLACE TEMP VIEW " + view.getKey() + " AS\n") + ",");
      if (create < 1 || !lines.get(create - 1).equals("    " + json("%%sql\n") + ",")) {
        throw new IllegalStateException("no %%sql cell creating view " + view.getKey() + " in the notebook");
      }
      int end = create;
      while (!lines.get(end).equals("   ]")) end++;
      List<String> source = new ArrayList<>();
      String[] sql = ("%%sql\n" + statement(view.getKey(), view.getValue())).split("\n");
      for (int i = 0; i < sql.length; i++) {
        source.add("    " + json(i < sql.length - 1 ? sql[i] + "\n" : sql[i]) + (i < sql.length - 1 ? "," : ""));
      }
      lines.subList(create - 1, end).clear();
      lines.addAll(create - 1, source);
    }
    return String.join("\n", lines);
  }

  static List<Path> notebooks() throws IOException {
    try (var s = Files.list(NOTEBOOKS)) {
      return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  private static String json(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
