package dev.provbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provbench.SparkTestSession;
import dev.provbench.analysis.ResultsFixture;
import dev.provbench.input.StoragePath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A run's rows, picked by its id as a value: a quote in an id is part of the id, not of the query. */
class RunRowsTest {
  private static final String QUOTED = "it's";

  @TempDir
  static Path dir;

  @BeforeAll
  static void writeFixture() throws Exception {
    List<Row> rows = new ArrayList<>(ResultsFixture.rows());
    int runId = ResultSchema.SCHEMA.fieldIndex("run_id");
    for (Row r : ResultsFixture.rows()) {
      if (!r.getString(runId).equals("r0")) continue;
      Object[] values = new Object[r.size()];
      for (int i = 0; i < values.length; i++) values[i] = i == runId ? QUOTED : r.get(i);
      rows.add(RowFactory.create(values));
    }
    ResultsFixture.write(SparkTestSession.get(), dir.resolve("results"), rows);
  }

  @ParameterizedTest(name = "{0} has {1} rows")
  @CsvSource(delimiter = '|', textBlock = """
      r1                 | 17
      r0                 | 2
      it's               | 2
      r1' OR 'x' = 'x    | 0
      R1                 | 0
      """)
  void readsTheRowsOfOneRun(String runId, long rows) {
    StoragePath results = StoragePath.local(dir.resolve("results"));
    List<Row> read = RunRows.of(SparkTestSession.get(), results, runId).collectAsList();
    assertEquals(rows, read.size());
    read.forEach(r -> assertEquals(runId, r.getAs("run_id")));
  }
}
