package dev.provbench.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON path of the simple kind: {@code $}, then {@code .key}, {@code ['key']} or {@code [index]} steps, e.g.
 * {@code $.answer.items[0]['full name']}. A leading {@code $} may be left out ({@code answer.items[0]}). No
 * wildcards or filters: one path, one value. Immutable.
 *
 * @param text  the path as written.
 * @param steps the keys (String) and indexes (Integer) in order.
 */
public record JsonPath(String text, List<Object> steps) implements Serializable {
  private static final Pattern STEP = Pattern.compile("\\.([^.\\[\\]]+)|\\['((?:[^'\\\\]|\\\\.)*)'\\]|\\[(-?\\d+)\\]");

  public JsonPath {
    steps = List.copyOf(steps);
  }

  /** @throws IllegalArgumentException naming where the path stops making sense. */
  public static JsonPath parse(String text) {
    if (text == null || text.isBlank()) throw new IllegalArgumentException("the path is empty; write e.g. `$.answer`");
    String s = text.strip();
    if (s.startsWith("$")) s = s.substring(1);
    else if (!s.startsWith("[") && !s.startsWith(".")) s = "." + s;
    List<Object> steps = new ArrayList<>();
    Matcher m = STEP.matcher(s);
    int at = 0;
    while (at < s.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException("cannot read `" + s.substring(at) + "` in `" + text + "`; use .key, ['key'] or [0] steps");
      }
      if (m.group(1) != null) steps.add(m.group(1));
      else if (m.group(2) != null) steps.add(m.group(2).replace("\\'", "'"));
      else steps.add(Integer.parseInt(m.group(3)));
      at = m.end();
    }
    return new JsonPath(text, steps);
  }

  /** The value at the path, or null when a step does not exist; a negative index counts from the end. */
  public JsonNode read(JsonNode root) {
    JsonNode at = root;
    for (Object step : steps) {
      if (at == null) return null;
      if (step instanceof Integer i) {
        if (!at.isArray()) return null;
        int index = i < 0 ? at.size() + i : i;
        at = index >= 0 && index < at.size() ? at.get(index) : null;
      } else {
        at = at.isObject() ? at.get((String) step) : null;
      }
    }
    return at;
  }
}
