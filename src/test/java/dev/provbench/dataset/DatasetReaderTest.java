package dev.provbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.SparkTestSession;
import dev.provbench.input.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private static void assertCase(EvalCase c, String id, String question, String output, String answer, double expected) {
    assertEquals(id, c.id());
    assertEquals(question, c.vars().get("input"));
    assertEquals(output, c.vars().get("output"));
    assertEquals(answer, c.vars().get("expected"));
    assertEquals(expected, c.expected());
  }

  private void rejects(String name, String text, String message) throws Exception {
    Path f = write(name, text);
    BadInputException e = assertThrows(BadInputException.class, () -> DatasetReader.read(f));
    assertEquals(f + message, e.getMessage());
  }

  @Test
  void readsTheShippedBraintrustArray() {
    List<EvalCase> cases = DatasetReader.read(Path.of("data/factuality.json"));
    assertTrue(cases.size() >= 60, "cases: " + cases.size());
    assertEquals(Set.of("input", "output", "expected"), cases.get(0).vars().keySet());
    assertEquals(Set.of(0.0, 0.6, 1.0), cases.stream().map(EvalCase::expected).collect(Collectors.toSet()));
  }

  @Test
  void readsEveryFormatToTheSameCases() throws Exception {
    Path json = write("d.json", """
        [
          {"id": "q1", "input": {"input": "Q?", "output": "a, b", "expected": "a"}, "expected": 0.6, "metadata": {"k": 1}},
          {"input": {"input": "Q2?", "output": "x", "expected": "x"}, "expected": 1}
        ]""");
    Path jsonl = write("d.jsonl", """
        {"id": "q1", "input": {"input": "Q?", "output": "a, b", "expected": "a"}, "expected": 0.6, "metadata": {"k": 1}}

        {"input": {"input": "Q2?", "output": "x", "expected": "x"}, "expected": 1}
        """);
    Path csv = write("d.csv", """
        id,input.input,input.output,input.expected,expected,metadata
        q1,Q?,"a, b",a,0.6,"{""k"": 1}"
        ,Q2?,x,x,1,
        """);
    for (Path f : List.of(json, jsonl, csv)) {
      List<EvalCase> cases = DatasetReader.read(f);
      assertEquals(2, cases.size(), f.toString());
      assertCase(cases.get(0), "q1", "Q?", "a, b", "a", 0.6);
      assertEquals("{\"k\":1}", cases.get(0).metadata());
      assertTrue(cases.get(1).id().startsWith("h"), "a hashed id: " + cases.get(1).id());
      assertCase(cases.get(1), cases.get(1).id(), "Q2?", "x", "x", 1.0);
    }
    assertEquals(DatasetReader.read(json).get(1).id(), DatasetReader.read(csv).get(1).id(), "the same case hashes alike");
  }

  @Test
  void hashedIdsDependOnInputAndExpected() throws Exception {
    Path f = write("h.jsonl", """
        {"input": {"input": "Q", "output": "x", "expected": "x"}, "expected": 1}
        {"input": {"input": "Q", "output": "x", "expected": "x"}, "expected": 0}
        """);
    List<EvalCase> cases = DatasetReader.read(f);
    assertNotEquals(cases.get(0).id(), cases.get(1).id());
  }

  @Test
  void readsParquetWithAStructInput() throws Exception {
    Path json = write("p.jsonl", """
        {"id": "q1", "input": {"input": "Q?", "output": "a, b", "expected": "a"}, "expected": 0.6}
        {"id": "q2", "input": {"input": "Q2?", "output": "x", "expected": "x"}, "expected": 1}
        """);
    Path out = dir.resolve("p-parquet");
    SparkTestSession.get().read().json(json.toString()).coalesce(1).write().parquet(out.toString());
    Path f;
    try (var files = Files.list(out)) {
      f = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    List<EvalCase> cases = DatasetReader.read(f);
    assertEquals(2, cases.size());
    assertCase(cases.get(0), "q1", "Q?", "a, b", "a", 0.6);
    assertCase(cases.get(1), "q2", "Q2?", "x", "x", 1.0);
  }

  @Test
  void aBadRowNamesItsLine() throws Exception {
    rejects("bad.jsonl", """
        {"input": {"input": "Q", "output": "x", "expected": "x"}, "expected": 1}
        {"input": {"input": "Q", "output": "y", "expected": "x"}, "expected": "high"}
        """, ": line 2: expected must be a number, got \"high\". Fix: give the gold score as a number, e.g. \"expected\": 0.6");
    rejects("missing.jsonl", """
        {"input": {"input": "Q", "output": "x", "expected": "x"}}
        """, ": line 1: expected is missing. Fix: give the gold score as a number, e.g. \"expected\": 0.6");
    Path broken = write("broken.jsonl", "{\"input\": \"Q\", \"expected\": 1}\n{\"input\": \n");
    String message = assertThrows(BadInputException.class, () -> DatasetReader.read(broken)).getMessage();
    assertTrue(message.startsWith(broken + ": line 2: invalid JSON: "), message);
    assertTrue(message.endsWith("Fix: write one JSON object per line"), message);
    rejects("arr.json", "[\n  {\"input\": \"Q\", \"expected\": 1},\n  {\"input\": \"Q2\", \"expected\": 1, \"colour\": 2}\n]",
        ": line 3 (case 2): unknown field `colour`. Fix: use only id, input, expected, metadata and tags");
    rejects("dup.jsonl", "{\"id\": \"a\", \"input\": \"Q\", \"expected\": 1}\n{\"id\": \"a\", \"input\": \"Q2\", \"expected\": 1}\n",
        ": case 2: duplicate case id `a` (first at case 1). Fix: give each case its own id, or remove the repeated case");
    rejects("d.csv", "id,input.input,expected\nq1,Q,1\nq2,Q2,\n",
        ": line 3: expected is missing. Fix: give the gold score as a number, e.g. \"expected\": 0.6");
    rejects("d.txt", "x", ": unknown dataset format. Fix: use a .json array, .jsonl, .csv or .parquet file");
  }
}
