package dev.provbench.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.provbench.results.ResultsViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The view SQL outside Java is a copy of {@link ResultsViews}: when a view changes there, refresh the copies
 * with {@code mvn -o -q test -Dtest=ViewFilesTest -Dprovbench.refreshViews=true}.
 */
class ViewFilesTest {
  private static final String REFRESH = "differs from ResultsViews: refresh it with"
      + " mvn -o -q test -Dtest=ViewFilesTest -D" + ViewFiles.REFRESH_PROPERTY + "=true";

  @BeforeAll
  static void refreshWhenAsked() throws Exception {
    if (Boolean.getBoolean(ViewFiles.REFRESH_PROPERTY)) ViewFiles.refresh();
  }

  @Test
  void viewsSqlFileIsTheJavaViews() throws Exception {
    assertEquals(ViewFiles.sqlFile(ViewFiles.VIEWS), Files.readString(ViewFiles.VIEWS_SQL), ViewFiles.VIEWS_SQL + " " + REFRESH);
  }

  @Test
  void notebookViewCellsAreTheJavaViews() throws Exception {
    assertFalse(ViewFiles.notebooks().isEmpty());
    for (Path nb : ViewFiles.notebooks()) {
      String text = Files.readString(nb);
      assertEquals(ViewFiles.notebook(text, ViewFiles.VIEWS), text, nb + " " + REFRESH);
    }
  }

  @Test
  void aViewChangedInJavaAloneIsCaught() throws Exception {
    Map<String, String> changed = ViewFiles.views(ResultsViews.CELLS_SQL, ResultsViews.EXPERIMENTS_SQL + "\nHAVING count(*) > 0");
    assertNotEquals(ViewFiles.sqlFile(changed), Files.readString(ViewFiles.VIEWS_SQL));
    for (Path nb : ViewFiles.notebooks()) {
      String text = Files.readString(nb);
      String refreshed = ViewFiles.notebook(text, changed);
      assertNotEquals(text, refreshed, nb.toString());
      assertEquals(text.length() + "\\n\",\n    \"HAVING count(*) > 0".length(), refreshed.length(), "only the view cell changes");
    }
  }
}
