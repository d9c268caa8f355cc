package dev.provbench.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads the cases of a dataset: a Braintrust-style JSON array, JSON lines, CSV (nested fields
 * flattened with dots: {@code input.output}) or Parquet (a struct column {@code input}). Every bad
 * row fails the whole load with its line (or row) number; two cases with the same id fail too. The file may be
 * local or on any Hadoop file system ({@code hdfs://…}, {@code s3a://…} with its connector).
 */
public final class DatasetReader {
  private DatasetReader() {}

  /** The cases of a dataset whose every {@code expected} is a number (the reference task's gold scores). */
  public static List<EvalCase> read(Path file) {
    return read(StoragePath.local(file));
  }

  /** The same for a dataset that may be on any Hadoop file system. */
  public static List<EvalCase> read(StoragePath file) {
    List<EvalCase> cases = readAny(file);
    cases.forEach(EvalCase::requireNumericExpected);
    return cases;
  }

  /** The cases, with {@code expected} of any JSON type or missing (a chat task's scorers say what they need). */
  public static List<EvalCase> readAny(StoragePath file) {
    if (!Storage.isFile(file)) {
      throw new BadInputException(file.toString(), "dataset not found", "check the `dataset` path in the job file");
    }
    String name = file.fileName().toLowerCase(Locale.ROOT);
    List<EvalCase> cases;
    try {
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) cases = jsonLines(file);
      else if (name.endsWith(".json")) cases = jsonArray(file);
      else if (name.endsWith(".csv")) cases = csv(file);
      else if (name.endsWith(".parquet")) cases = parquet(file);
      else {
        throw new BadInputException(file.toString(), "unknown dataset format",
            "use a .json array, .jsonl, .csv or .parquet file");
      }
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot be read: " + e.getMessage(), "check the file", e);
    }
    if (cases.isEmpty()) throw new BadInputException(file.toString(), "holds no cases", "add at least one case");
    checkUniqueIds(file, cases);
    return cases;
  }

  private static List<EvalCase> parquet(StoragePath file) throws IOException {
    try {
      return ParquetCases.read(file);
    } catch (BadInputException e) {
      throw e;
    } catch (RuntimeException e) {
      // Parquet reports a file that is not Parquet (or is damaged) with an unchecked exception.
      String why = String.valueOf(e.getMessage()).contains("is not a Parquet file")
          ? "is not a Parquet file (it lacks Parquet's magic number)" : "cannot be read as Parquet (" + e.getClass().getSimpleName() + ")";
      throw new BadInputException(file.toString(), why, "write it again with Spark or pandas, or use .json, .jsonl or .csv", e);
    }
  }

  private static List<EvalCase> jsonArray(StoragePath file) throws IOException {
    List<EvalCase> out = new ArrayList<>();
    try (InputStream in = Storage.open(file); JsonParser p = CaseParser.JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new BadInputException(file + ": line " + p.currentLocation().getLineNr(),
            "a .json dataset must be an array of cases", "wrap the cases in [ ... ], or use .jsonl for one case per line");
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        int line = p.currentLocation().getLineNr();
        JsonNode row = p.readValueAsTree();
        out.add(CaseParser.parse(row, file + ": line " + line + " (case " + (out.size() + 1) + ")"));
      }
    } catch (JsonProcessingException e) {
      throw new BadInputException(file + ": line " + e.getLocation().getLineNr(), "invalid JSON: " + e.getOriginalMessage(),
          "correct the JSON syntax there", e);
    }
    return out;
  }

  private static List<EvalCase> jsonLines(StoragePath file) throws IOException {
    List<EvalCase> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Storage.open(file), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) continue;
        String where = file + ": line " + n;
        JsonNode row;
        try {
          row = CaseParser.JSON.readTree(line);
        } catch (JsonProcessingException e) {
          throw new BadInputException(where, "invalid JSON: " + e.getOriginalMessage(), "write one JSON object per line", e);
        }
        out.add(CaseParser.parse(row, where));
      }
    }
    return out;
  }

  private static List<EvalCase> csv(StoragePath file) throws IOException {
    List<EvalCase> out = new ArrayList<>();
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (InputStream in = Storage.open(file); MappingIterator<Map<String, String>> it =
             mapper.readerFor(Map.class).with(schema).readValues(in)) {
      while (it.hasNextValue()) {
        int line = it.getCurrentLocation().getLineNr() + (out.isEmpty() ? 1 : 0);
        Map<String, String> row;
        try {
          row = it.nextValue();
        } catch (RuntimeException e) {
          throw new BadInputException(file + ": line " + line,
              "invalid CSV row: " + e.getMessage(), "quote fields that hold commas or newlines", e);
        }
        out.add(CaseParser.parse(unflatten(row), file + ": line " + line));
      }
    }
    return out;
  }

  /** {@code input.output} columns become fields of an {@code input} object; other columns stay. */
  static ObjectNode unflatten(Map<String, ?> row) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode node = f.objectNode();
    for (Map.Entry<String, ?> e : row.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      if (value == null || (value instanceof String s && s.isEmpty() && !key.startsWith("input"))) continue;
      int dot = key.indexOf('.');
      if (dot > 0) {
        ObjectNode parent = node.has(key.substring(0, dot)) && node.get(key.substring(0, dot)).isObject()
            ? (ObjectNode) node.get(key.substring(0, dot)) : node.putObject(key.substring(0, dot));
        parent.put(key.substring(dot + 1), String.valueOf(value));
      } else if (key.equals("metadata") && value instanceof String s && s.trim().startsWith("{")) {
        try {
          node.set(key, CaseParser.JSON.readTree(s));
        } catch (JsonProcessingException ex) {
          node.put(key, s);
        }
      } else {
        node.put(key, String.valueOf(value));
      }
    }
    return node;
  }

  private static void checkUniqueIds(StoragePath file, List<EvalCase> cases) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      Integer first = seen.putIfAbsent(cases.get(i).id(), i + 1);
      if (first != null) {
        throw new BadInputException(file + ": case " + (i + 1), "duplicate case id `" + cases.get(i).id()
            + "` (first at case " + first + ")", "give each case its own id, or remove the repeated case");
      }
    }
  }
}
