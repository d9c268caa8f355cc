package dev.provbench.analysis.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CSV of one table: header row, raw values, quoting only where a value needs it. */
class CsvOutputTest {
  @Test
  void rawValuesQuotedOnlyWhenNeeded() {
    csv("a,b\nP1 at 8b,1.0\n", "P1 at 8b", 1.0);
    csv("a,b\n\"x, y\",0.123456789\n", "x, y", 0.123456789);
    csv("a,b\n\"say \"\"hi\"\"\",3\n", "say \"hi\"", 3L);
    csv("a,b\n\"two\nlines\",\n", "two\nlines", null);
    csv("a,b\n,\n", null, Double.NaN);
    csv("a,b\n(p < 0.001),-\n", "(p < 0.001)", "-");
  }

  private static void csv(String expected, Object a, Object b) {
    AnalysisTable t = AnalysisTable.builder("t", "T", Column.text("a"), Column.number("b", "%.2f")).row(a, b).build("1 row");
    assertEquals(expected, CsvOutput.render(t));
  }
}
