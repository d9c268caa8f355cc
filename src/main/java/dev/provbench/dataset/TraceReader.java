package dev.provbench.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.provbench.input.BadInputException;
import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a production trace in the Mooncake layout: JSON lines
 * {@code {"timestamp": 27482, "input_length": 6955, "output_length": 52, "hash_ids": [46, 47]}} (timestamp in ms from
 * the trace's start; each hash id names one block of {@code blockTokens} prompt tokens), with an optional
 * {@code session_id} (string or number); or CSV with the same column names, {@code hash_ids} a list separated by
 * spaces or {@code ;}. Other fields are ignored. Every row is checked before any request: an error names the file,
 * the line and the field and says how to fix it. Stateless.
 */
public final class TraceReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SORT_FIX = "sort the trace by timestamp (ms from its start), e.g. `sort -n` on the field";

  private TraceReader() {}

  /**
   * @param blockTokens the prompt tokens one hash id names (the job's {@code trace.block_tokens}).
   * @param limit       read only the first rows, or null for all.
   */
  public static List<TraceRow> read(StoragePath file, int blockTokens, Integer limit) {
    if (!Storage.isFile(file)) {
      throw new BadInputException(file.toString(), "trace file not found", "check `trace.file`; it is relative to the job file's folder");
    }
    String name = file.fileName().toLowerCase(Locale.ROOT);
    List<TraceRow> rows = new ArrayList<>();
    try {
      if (name.endsWith(".csv")) csv(file, blockTokens, limit, rows);
      else if (name.endsWith(".jsonl") || name.endsWith(".json")) jsonLines(file, blockTokens, limit, rows);
      else throw new BadInputException(file.toString(), "is neither JSON lines nor CSV", "use a .jsonl or .csv trace file");
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot be read: " + e.getMessage(), "check the file and its permissions", e);
    }
    if (rows.isEmpty()) throw new BadInputException(file.toString(), "holds no requests", "give one request per line");
    return List.copyOf(rows);
  }

  private static void jsonLines(StoragePath file, int blockTokens, Integer limit, List<TraceRow> rows) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Storage.open(file), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null && (limit == null || rows.size() < limit)) {
        n++;
        if (line.isBlank()) continue;
        String where = file.fileName() + ": line " + n;
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          throw new BadInputException(where, "is not JSON: " + e.getMessage().lines().findFirst().orElse(""),
              "write one JSON object per line, e.g. {\"timestamp\": 0, \"input_length\": 900, \"output_length\": 60}");
        }
        if (!node.isObject()) throw new BadInputException(where, "is not a JSON object", "write one JSON object per line");
        rows.add(row(new Fields(where, node, null), rows, blockTokens));
      }
    }
  }

  private static void csv(StoragePath file, int blockTokens, Integer limit, List<TraceRow> rows) throws IOException {
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (InputStream in = Storage.open(file);
        MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema).readValues(in)) {
      int n = 1;
      while (it.hasNext() && (limit == null || rows.size() < limit)) {
        n++;
        Map<String, String> values = it.next();
        rows.add(row(new Fields(file.fileName() + ": line " + n, null, values), rows, blockTokens));
      }
    } catch (RuntimeException e) {
      if (e instanceof BadInputException b) throw b;
      throw new BadInputException(file.toString(), "invalid CSV: " + e.getMessage(), "quote fields that hold commas", e);
    }
  }

  private static TraceRow row(Fields f, List<TraceRow> before, int blockTokens) {
    long timestamp = f.whole("timestamp", 0, "give the arrival in ms from the trace's start, e.g. \"timestamp\": 27482");
    if (!before.isEmpty() && timestamp < before.get(before.size() - 1).timestampMs()) {
      throw new BadInputException(f.where + ": timestamp", timestamp + " is before the previous row's "
          + before.get(before.size() - 1).timestampMs(), SORT_FIX);
    }
    int input = (int) f.whole("input_length", 1, "give the prompt's tokens, at least 1, e.g. \"input_length\": 6955");
    int output = (int) f.whole("output_length", 1, "give the answer's tokens, at least 1, e.g. \"output_length\": 52");
    List<Long> hashIds = f.hashIds();
    long blocks = (input + (long) blockTokens - 1) / blockTokens;
    if (hashIds.size() > blocks) {
      throw new BadInputException(f.where + ": hash_ids", "names " + hashIds.size() + " blocks, but input_length " + input
          + " fills only " + blocks + " of " + blockTokens + " tokens", "set `trace.block_tokens` to the block size the"
          + " trace was made with (Mooncake: 512), or correct the row");
    }
    return new TraceRow(before.size(), f.where, timestamp, input, output, hashIds, f.session());
  }

  /** One row's fields, from a JSON object or a CSV record (one of the two is null). */
  private record Fields(String where, JsonNode json, Map<String, String> csv) {
    private boolean present(String name) {
      if (json != null) return json.hasNonNull(name);
      String v = csv.get(name);
      return v != null && !v.isBlank();
    }

    long whole(String name, long min, String fix) {
      if (!present(name)) throw new BadInputException(where + ": " + name, "is missing", fix);
      String text = json != null ? json.get(name).asText() : csv.get(name).trim();
      long v;
      if (json != null && !json.get(name).isIntegralNumber()) {
        throw new BadInputException(where + ": " + name, "must be a whole number, got " + json.get(name), fix);
      }
      try {
        v = Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new BadInputException(where + ": " + name, "must be a whole number, got `" + text + "`", fix);
      }
      if (v < min || v > Integer.MAX_VALUE) {
        throw new BadInputException(where + ": " + name, "must be from " + min + " to " + Integer.MAX_VALUE + ", got " + v, fix);
      }
      return v;
    }

    List<Long> hashIds() {
      String fix = "list the prompt's block ids as whole numbers, e.g. \"hash_ids\": [46, 47] (CSV: `46 47` or `46;47`)";
      List<Long> out = new ArrayList<>();
      if (!present("hash_ids")) return out;
      if (json != null) {
        JsonNode ids = json.get("hash_ids");
        if (!ids.isArray()) throw new BadInputException(where + ": hash_ids", "must be a list, got " + ids, fix);
        for (JsonNode id : ids) {
          if (!id.isIntegralNumber() || id.asLong() < 0) {
            throw new BadInputException(where + ": hash_ids", "must hold whole numbers from 0, got " + id, fix);
          }
          out.add(id.asLong());
        }
        return out;
      }
      for (String id : csv.get("hash_ids").trim().split("[\\s;]+")) {
        try {
          long v = Long.parseLong(id);
          if (v < 0) throw new NumberFormatException();
          out.add(v);
        } catch (NumberFormatException e) {
          throw new BadInputException(where + ": hash_ids", "must hold whole numbers from 0, got `" + id + "`", fix);
        }
      }
      return out;
    }

    String session() {
      if (!present("session_id")) return null;
      if (json == null) return csv.get("session_id").trim();
      JsonNode v = json.get("session_id");
      if (!v.isTextual() && !v.isIntegralNumber()) {
        throw new BadInputException(where + ": session_id", "must be a string or a whole number, got " + v,
            "name the conversation, e.g. \"session_id\": \"s12\", or leave it out");
      }
      return v.asText();
    }
  }
}
