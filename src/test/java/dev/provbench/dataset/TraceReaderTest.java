package dev.provbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.provbench.input.BadInputException;
import dev.provbench.input.StoragePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trace in the Mooncake layout, as JSON lines or CSV; every bad row named by file, line and field with the fix. */
class TraceReaderTest {
  @TempDir
  Path dir;

  @Test
  void readsJsonLinesAndCsvAlike() throws IOException {
    List<TraceRow> json = read("t.jsonl", """
        {"timestamp": 0, "input_length": 600, "output_length": 52, "hash_ids": [46, 47], "session_id": "a"}

        {"timestamp": 27, "input_length": 10, "output_length": 1, "session_id": 7, "extra": true}
        """, 512, null);
    List<TraceRow> csv = read("t.csv", """
        timestamp,input_length,output_length,hash_ids,session_id
        0,600,52,46 47,a
        27,10,1,,7
        """, 512, null);
    for (List<TraceRow> rows : List.of(json, csv)) {
      assertEquals(2, rows.size());
      assertEquals(List.of(46L, 47L), rows.get(0).hashIds());
      assertEquals(List.of(), rows.get(1).hashIds());
      assertEquals("a", rows.get(0).sessionId());
      assertEquals("7", rows.get(1).sessionId());
      assertEquals(27, rows.get(1).timestampMs());
      assertEquals("t000001", rows.get(1).caseId());
    }
    assertEquals(List.of(1L, 2L, 3L), read("s.csv", "timestamp,input_length,output_length,hash_ids\n0,30,1,1;2;3\n", 10, null)
        .get(0).hashIds());
    assertEquals(1, read("l.jsonl", "{\"timestamp\": 0, \"input_length\": 1, \"output_length\": 1}\n".repeat(5), 512, 1).size());
  }

  @Test
  void badRowsAreNamedWithTheFix() {
    String ok = "{\"timestamp\": 5, \"input_length\": 600, \"output_length\": 52}\n";
    rejects(ok + "{\"timestamp\": 4, \"input_length\": 600, \"output_length\": 52}\n",
        "t.jsonl: line 2: timestamp: 4 is before the previous row's 5. Fix: sort the trace by timestamp (ms from its start),"
            + " e.g. `sort -n` on the field");
    rejects("{\"input_length\": 600, \"output_length\": 52}\n",
        "t.jsonl: line 1: timestamp: is missing. Fix: give the arrival in ms from the trace's start, e.g. \"timestamp\": 27482");
    rejects("{\"timestamp\": 0, \"input_length\": -3, \"output_length\": 52}\n",
        "t.jsonl: line 1: input_length: must be from 1 to 2147483647, got -3. Fix: give the prompt's tokens, at least 1,"
            + " e.g. \"input_length\": 6955");
    rejects("{\"timestamp\": 0, \"input_length\": 600, \"output_length\": 5.5}\n",
        "t.jsonl: line 1: output_length: must be a whole number, got 5.5. Fix: give the answer's tokens, at least 1,"
            + " e.g. \"output_length\": 52");
    rejects("{\"timestamp\": 0, \"input_length\": 600, \"output_length\": 52, \"hash_ids\": [1, 2, 3]}\n",
        "t.jsonl: line 1: hash_ids: names 3 blocks, but input_length 600 fills only 2 of 512 tokens. Fix: set"
            + " `trace.block_tokens` to the block size the trace was made with (Mooncake: 512), or correct the row");
    rejects("{\"timestamp\": 0, \"input_length\": 600, \"output_length\": 52, \"hash_ids\": [1, \"x\"]}\n",
        "t.jsonl: line 1: hash_ids: must hold whole numbers from 0, got \"x\". Fix: list the prompt's block ids as whole"
            + " numbers, e.g. \"hash_ids\": [46, 47] (CSV: `46 47` or `46;47`)");
    rejects("[1, 2]\n", "t.jsonl: line 1: is not a JSON object. Fix: write one JSON object per line");
    rejects("\n", "TRACE: holds no requests. Fix: give one request per line");
  }

  private List<TraceRow> read(String name, String text, int block, Integer limit) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return TraceReader.read(StoragePath.local(file), block, limit);
  }

  private void rejects(String text, String message) {
    BadInputException e = assertThrows(BadInputException.class, () -> read("t.jsonl", text, 512, null));
    assertEquals(message.replace("TRACE", dir.resolve("t.jsonl").toString()), e.getMessage());
  }
}
