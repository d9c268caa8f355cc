package dev.provbench.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a chat task's output from a reply's answer text (reasoning already removed, see {@link ThinkSplit}) and its
 * native tool calls. A pure function of its inputs; compiled patterns and paths are cached per JVM; thread-safe.
 */
public final class Extractor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
  private static final Map<String, JsonPath> PATHS = new ConcurrentHashMap<>();
  private static final Pattern FENCE = Pattern.compile("^```[\\w-]*\\s*\\n(.*?)\\n?```\\s*$", Pattern.DOTALL);

  private Extractor() {}

  /**
   * @param answer    the content without reasoning; may be null or empty.
   * @param toolCalls the native tool calls as a row stores them ({@code [{"name", "arguments"}]}), or null.
   */
  public static Extracted extract(ExtractorSpec spec, String answer, String toolCalls) {
    Extracted raw = switch (spec.type()) {
      case ExtractorSpec.TEXT -> text(answer);
      case ExtractorSpec.REGEX -> regex(spec, answer);
      case ExtractorSpec.JSON_PATH -> jsonPath(spec.path(), answer);
      case ExtractorSpec.TOOL_CALL -> toolCall(spec, toolCalls, answer);
      case ExtractorSpec.FUNCTION_TEXT -> functionText(spec, answer);
      default -> throw new IllegalArgumentException("unknown extractor `" + spec.type() + "`");
    };
    if (raw.text() == null || spec.map().isEmpty()) return raw;
    String mapped = spec.map().get(raw.text().strip());
    return mapped != null ? new Extracted(mapped, null) : Extracted.none("unknown value `" + shorten(raw.text()) + "`");
  }

  /** Unicode-aware, as model output is: {@code \\w} matches 東京 and {@code \\d} any script's digits. */
  public static Pattern compile(String pattern) {
    return Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
  }

  private static Extracted text(String answer) {
    return answer == null || answer.isBlank() ? Extracted.none("empty reply") : new Extracted(answer.strip(), null);
  }

  private static Extracted regex(ExtractorSpec spec, String answer) {
    if (answer == null || answer.isEmpty()) return Extracted.none("empty reply");
    Matcher m = PATTERNS.computeIfAbsent(spec.pattern(), Extractor::compile).matcher(answer);
    if (!m.find()) return Extracted.none("the pattern does not match");
    int group = spec.group() != null ? spec.group() : m.groupCount() >= 1 ? 1 : 0;
    if (group > m.groupCount()) return Extracted.none("the pattern has no group " + group);
    String g = m.group(group);
    return g == null ? Extracted.none("group " + group + " did not take part in the match") : new Extracted(g, null);
  }

  /** The value at the path in the answer's JSON; the JSON may sit in a code fence or among prose. */
  static Extracted jsonPath(String path, String answer) {
    if (answer == null || answer.isBlank()) return Extracted.none("empty reply");
    JsonNode root = json(answer.strip());
    if (root == null) return Extracted.none("the reply holds no JSON");
    return at(root, path);
  }

  private static Extracted at(JsonNode root, String path) {
    if (path == null) return new Extracted(root.isTextual() ? root.asText() : root.toString(), null);
    JsonNode v = PATHS.computeIfAbsent(path, JsonPath::parse).read(root);
    if (v == null || v.isMissingNode()) return Extracted.none("no value at " + path);
    if (v.isNull()) return Extracted.none("null at " + path);
    return new Extracted(v.isTextual() ? v.asText() : v.toString(), null);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception notWhole) {
      Matcher fence = FENCE.matcher(text);
      if (fence.find()) {
        JsonNode inside = json(fence.group(1).strip());
        if (inside != null) return inside;
      }
      JsonNode object = ToolCallParser.arguments(text);
      return object != null ? object : array(text);
    }
  }

  private static JsonNode array(String text) {
    int start = text.indexOf('[');
    int end = text.lastIndexOf(']');
    if (start < 0 || end <= start) return null;
    try {
      return JSON.readTree(text.substring(start, end + 1));
    } catch (Exception e) {
      return null;
    }
  }

  /** Native tool calls first; a reply that has none is read in the text format, as some servers send it. */
  private static Extracted toolCall(ExtractorSpec spec, String toolCalls, String answer) {
    if (toolCalls != null) {
      try {
        for (JsonNode call : JSON.readTree(toolCalls)) {
          String name = call.path("name").asText("");
          if (spec.function() != null && !spec.function().equals(name)) continue;
          return arguments(spec, call.path("arguments").asText(""));
        }
      } catch (Exception e) {
        return Extracted.none("stored tool calls are not JSON");
      }
      if (spec.function() != null) return Extracted.none("no call of " + spec.function());
    }
    return answer != null && answer.contains("<function=") ? functionText(spec, answer) : Extracted.none("no tool call in the reply");
  }

  private static Extracted functionText(ExtractorSpec spec, String answer) {
    if (answer == null || answer.isBlank()) return Extracted.none("empty reply");
    Matcher m = ToolCallParser.CALL.matcher(answer);
    while (m.find()) {
      if (spec.function() == null || spec.function().equals(m.group(1))) return arguments(spec, m.group(2));
    }
    return Extracted.none(spec.function() == null ? "no <function=...> call in the reply" : "no call of " + spec.function());
  }

  private static Extracted arguments(ExtractorSpec spec, String body) {
    JsonNode args = ToolCallParser.arguments(body);
    return args == null ? Extracted.none("arguments are not a JSON object") : at(args, spec.path());
  }

  private static String shorten(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "...";
  }
}
