package dev.provbench.task;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code <function=select_choice>{...}</function>} from a reply: the reference recipe's
 * {@code <function=(\w+)>(.*?)(?:</function>|$)}, made tolerant of newlines inside the JSON and of
 * prose around the call. A pure function of the reply text; thread-safe.
 */
public final class ToolCallParser {
  static final Pattern CALL = Pattern.compile("<function=(\\w+)>(.*?)(?:</function>|$)", Pattern.DOTALL);
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.ALLOW_UNQUOTED_CONTROL_CHARS)
      .enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES)
      .build();

  private ToolCallParser() {}

  /** One call in the text tool format this parser reads: {@code <function=NAME>ARGS</function>}. */
  public static String text(String name, String arguments) {
    return "<function=" + name + ">" + arguments + "</function>";
  }

  public static ParsedChoice parse(String reply, Map<String, Double> choiceScores) {
    if (reply == null || reply.isBlank()) return ParsedChoice.failed(null, "empty reply");
    Matcher m = CALL.matcher(reply);
    if (!m.find()) return ParsedChoice.failed(null, "no <function=...> call in the reply");
    String function = m.group(1);
    if (!function.equals(SelectChoiceTool.NAME)) {
      return ParsedChoice.failed(function, "called unknown function " + function);
    }
    JsonNode args = arguments(m.group(2));
    if (args == null) return ParsedChoice.failed(function, "arguments are not a JSON object");
    JsonNode choiceNode = args.get("choice");
    if (choiceNode == null || !choiceNode.isValueNode()) return ParsedChoice.failed(function, "no choice in the arguments");
    String choice = choiceNode.asText().trim();
    JsonNode reasonsNode = args.get("reasons");
    String reasons = reasonsNode == null || reasonsNode.isNull() ? null
        : reasonsNode.isTextual() ? reasonsNode.asText() : reasonsNode.toString();
    Double score = choiceScores.get(choice);
    if (score == null) {
      return new ParsedChoice(function, null, reasons, null, "unknown choice `" + truncate(choice) + "`");
    }
    return new ParsedChoice(function, choice, reasons, score, null);
  }

  /** The outermost JSON object in the call's body, so a trailing `}` or stray text does not matter. */
  static JsonNode arguments(String body) {
    int start = body.indexOf('{');
    if (start < 0) return null;
    for (int end = body.lastIndexOf('}'); end > start; end = body.lastIndexOf('}', end - 1)) {
      try {
        JsonNode node = JSON.readTree(body.substring(start, end + 1));
        if (node != null && node.isObject()) return node;
      } catch (Exception notYet) {
        // try a shorter candidate
      }
    }
    return null;
  }

  private static String truncate(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "...";
  }
}
