package dev.provbench.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.provbench.input.BadInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Turns one row, already read as a JSON tree by any format's reader, into an {@link EvalCase}. */
final class CaseParser {
  static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
  private static final Set<String> FIELDS = Set.of("id", "input", "expected", "metadata", "tags");

  private CaseParser() {}

  static EvalCase parse(JsonNode row, String where) {
    if (row == null || !row.isObject()) {
      throw new BadInputException(where, "a case must be an object with input and expected",
          "write it as {\"input\": {...}, \"expected\": 1}");
    }
    row.fieldNames().forEachRemaining(k -> {
      if (!FIELDS.contains(k)) {
        throw new BadInputException(where, "unknown field `" + k + "`", "use only id, input, expected, metadata and tags");
      }
    });
    JsonNode input = row.get("input");
    if (input == null || input.isNull()) {
      throw new BadInputException(where, "input is missing", "give the template variables, e.g. \"input\": {\"input\": \"...\", \"output\": \"...\", \"expected\": \"...\"}");
    }
    Map<String, String> vars = new LinkedHashMap<>();
    if (input.isObject()) {
      input.properties().forEach(e -> vars.put(e.getKey(), text(e.getValue())));
    } else {
      vars.put("input", text(input));
    }
    JsonNode expectedNode = row.get("expected");
    double expected = expected(expectedNode, where);
    String expectedJson = expectedNode == null || expectedNode.isNull() ? null : write(expectedNode);
    JsonNode meta = row.get("metadata");
    String metadata = meta == null || meta.isNull() ? null : write(meta);
    JsonNode idNode = row.get("id");
    String id = idNode == null || idNode.isNull() || idNode.asText().isBlank()
        ? hashId(input, Double.isNaN(expected) ? String.valueOf(expectedJson) : String.valueOf(expected)) : idNode.asText();
    return new EvalCase(id, vars, expected, metadata, write(input), expectedJson, where);
  }

  /** The expected value as a number; NaN when it is missing or not a number (a chat task may compare text). */
  static double expected(JsonNode e, String where) {
    if (e == null || e.isNull()) return Double.NaN;
    if (e.isNumber()) {
      if (Double.isFinite(e.asDouble())) return e.asDouble();
      throw new BadInputException(where, "expected must be a finite number, got " + e.asText(),
          "give the gold score as a number, e.g. \"expected\": 0.6");
    }
    if (e.isTextual()) {
      try {
        double d = Double.parseDouble(e.asText().trim());
        if (Double.isFinite(d)) return d;
      } catch (NumberFormatException ignored) {
        // not a number: a text answer
      }
    }
    return Double.NaN;
  }

  /** A stable id from the input and expected value: the same case gets the same id in every run. */
  static String hashId(JsonNode input, String expected) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(write(input).getBytes(StandardCharsets.UTF_8));
      sha.update(("|" + expected).getBytes(StandardCharsets.UTF_8));
      return "h" + HexFormat.of().formatHex(sha.digest()).substring(0, 15);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(JsonNode v) {
    return v.isValueNode() ? v.asText() : write(v);
  }

  private static String write(JsonNode v) {
    try {
      return JSON.writeValueAsString(JSON.treeToValue(v, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
