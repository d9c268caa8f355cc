package dev.provbench.score;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Strict JSON reading for scorers: one value, nothing after it, no comments or single quotes. Thread-safe. */
public final class JsonText {
  static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
      .build();

  private JsonText() {}

  /** The value the text holds, or null when it is not exactly one JSON value. */
  public static JsonNode parse(String text) {
    if (text == null || text.isBlank()) return null;
    try {
      return STRICT.readTree(text);
    } catch (Exception e) {
      return null;
    }
  }

  /** Why the text is not one JSON value (the parser's first line), or null when it is. */
  public static String problem(String text) {
    if (text == null || text.isBlank()) return "output is empty";
    try {
      STRICT.readTree(text);
      return null;
    } catch (Exception e) {
      String m = String.valueOf(e.getMessage());
      int nl = m.indexOf('\n');
      return "not JSON: " + (nl < 0 ? m : m.substring(0, nl));
    }
  }
}
