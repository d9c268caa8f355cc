package dev.provbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.provbench.SparkTestSession;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of format 3 (no {@code tool_mode}, no {@code judge_calls}, scores never null) are read by the format-4 views:
 * the new columns read as null and the {@code scores} view is unchanged; a format-4 null score reads as null.
 */
class OlderFormatTest {
  private static final List<String> FORMAT_4 = List.of("tool_mode", "judge_calls");

  @TempDir
  Path dir;

  @Test
  void formatThreeRowsReadTheNewColumnsAsNull() {
    SparkSession spark = SparkTestSession.get();
    CellResult cell = new CellResult(new CellResult.Identity("old", "c1", "p", "m", "8b", "k", 1),
        new CellResult.Setup("text", false, false, 1, null), new CellResult.Attempts(1, 0, 0, 0, 0, null, List.of()),
        new CellResult.Timing(Instant.EPOCH, Instant.EPOCH, 0), CellResult.Speed.NONE, CellResult.Tokens.NONE,
        new CellResult.Cost(null, null), new CellResult.Outcome(CellStatus.OK, null),
        new CellResult.Answer(null, null, null, null), new CellResult.Reading(null, null, null, null),
        new CellResult.Scoring(1.0, null, null, List.of(new CellScore("ExactMatch", 1, null),
            new CellScore("judge", (Double) null, "judge call failed")), null), CellResult.Load.NONE);
    Row full = ResultSchema.toRow(cell);
    StructType older = new StructType(Arrays.stream(ResultSchema.SCHEMA.fields())
        .filter(f -> !FORMAT_4.contains(f.name())).toArray(StructField[]::new));
    Object[] values = Arrays.stream(older.fieldNames()).map(n -> full.get(full.fieldIndex(n))).toArray();
    spark.createDataFrame(List.of(RowFactory.create(values)), older).write().partitionBy("run_id")
        .parquet(dir.resolve("results").toString());

    ResultsViews.register(spark, dir.resolve("results").toString());
    Row read = spark.sql("SELECT tool_mode, judge_calls FROM cells WHERE run_id = 'old'").first();
    assertNull(read.get(0));
    assertNull(read.get(1));
    List<Row> scores = spark.sql("SELECT scorer, score, note FROM scores WHERE run_id = 'old' ORDER BY scorer").collectAsList();
    assertEquals("[[ExactMatch,1.0,null], [judge,null,judge call failed]]", scores.toString());
    assertEquals(1.0, spark.sql("SELECT avg(score) FROM scores WHERE run_id = 'old'").first().getDouble(0),
        "a judge that gave no score is left out of an average");
    assertEquals(Timestamp.from(Instant.EPOCH), spark.sql("SELECT started_at FROM cells").first().get(0));
  }

  /** Format 5 (no {@code logprobs}): the column reads as null, and an audit's cells read as they were. */
  @Test
  void formatFiveRowsReadLogprobsAsNull() {
    SparkSession spark = SparkTestSession.get();
    CellResult cell = new CellResult(new CellResult.Identity("five", "c1", "p", "m", "8b", "k", 1),
        new CellResult.Setup("text", false, false, 1, null, 1.0, "p/m"), new CellResult.Attempts(1, 0, 0, 0, 0, null,
            List.of()), new CellResult.Timing(Instant.EPOCH, Instant.EPOCH, 0), CellResult.Speed.NONE,
        CellResult.Tokens.NONE, new CellResult.Cost(null, null), new CellResult.Outcome(CellStatus.OK, null),
        new CellResult.Answer(null, "the sea", null, null), new CellResult.Reading(null, null, null, null),
        new CellResult.Scoring(1.0, null, null, List.of(), null), CellResult.Load.NONE);
    Row full = ResultSchema.toRow(cell);
    StructType older = new StructType(Arrays.stream(ResultSchema.SCHEMA.fields())
        .filter(f -> !f.name().equals("logprobs")).toArray(StructField[]::new));
    Object[] values = Arrays.stream(older.fieldNames()).map(n -> full.get(full.fieldIndex(n))).toArray();
    spark.createDataFrame(List.of(RowFactory.create(values)), older).write().partitionBy("run_id")
        .parquet(dir.resolve("five").toString());

    ResultsViews.register(spark, dir.resolve("five").toString());
    Row read = spark.sql("SELECT logprobs, response, audit_reference FROM cells WHERE run_id = 'five'").first();
    assertNull(read.get(0));
    assertEquals("the sea", read.getString(1));
    assertEquals("p/m", read.getString(2));
  }
}
