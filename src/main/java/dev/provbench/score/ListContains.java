package dev.provbench.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ListContains}: the share of expected items the output contains. The expected value is a list (a single
 * value counts as a list of one). An output that is a JSON array contains an item when one of its elements equals it
 * after {@link TextNormal}; any other output contains it when its normalised text includes the item's.
 */
public record ListContains(TextNormal normal) implements Scorer {
  public static final String NAME = "ListContains";

  @Override
  public Score score(Answer a) {
    if (a.output() == null) return NO_OUTPUT;
    List<String> wanted = items(a.expected());
    if (wanted.isEmpty()) return new Score(0, "no expected items");
    JsonNode parsed = JsonText.parse(a.output());
    List<String> elements = parsed != null && parsed.isArray() ? items(parsed) : null;
    String text = normal.apply(a.output());
    int found = 0;
    for (String w : wanted) {
      String item = normal.apply(w);
      boolean hit = elements != null ? elements.stream().anyMatch(e -> normal.apply(e).equals(item)) : text.contains(item);
      if (hit) found++;
    }
    return new Score((double) found / wanted.size(), null);
  }

  private static List<String> items(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull() || v.isMissingNode()) return out;
    if (v.isArray()) v.forEach(e -> out.add(e.isTextual() ? e.asText() : e.toString()));
    else out.add(v.isTextual() ? v.asText() : v.toString());
    return out;
  }
}
