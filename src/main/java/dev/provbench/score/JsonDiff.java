package dev.provbench.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code JSONDiff}: how alike the output's JSON is to the expected JSON, in [0, 1]. Objects score the mean over the
 * union of their keys (a missing key scores 0); arrays the mean over positions up to the longer length; strings by
 * {@link Levenshtein} similarity; numbers by {@link NumericDiff}; booleans and nulls 1 when equal. An expected value
 * given as text holding JSON is read as that JSON.
 */
public final class JsonDiff implements Scorer {
  public static final String NAME = "JSONDiff";

  @Override
  public Score score(Answer a) {
    if (a.output() == null) return NO_OUTPUT;
    JsonNode out = JsonText.parse(a.output());
    if (out == null) return new Score(0, JsonText.problem(a.output()));
    JsonNode expected = a.expected();
    if (expected == null || expected.isMissingNode()) return new Score(0, "no expected value");
    if (expected.isTextual() && JsonText.parse(expected.asText()) != null) expected = JsonText.parse(expected.asText());
    return new Score(similarity(out, expected), null);
  }

  static double similarity(JsonNode x, JsonNode y) {
    if (x.isObject() && y.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      x.fieldNames().forEachRemaining(keys::add);
      y.fieldNames().forEachRemaining(keys::add);
      if (keys.isEmpty()) return 1;
      double sum = 0;
      for (String k : keys) sum += x.has(k) && y.has(k) ? similarity(x.get(k), y.get(k)) : 0;
      return sum / keys.size();
    }
    if (x.isArray() && y.isArray()) {
      int n = Math.max(x.size(), y.size());
      if (n == 0) return 1;
      double sum = 0;
      Iterator<JsonNode> xs = x.elements();
      Iterator<JsonNode> ys = y.elements();
      while (xs.hasNext() && ys.hasNext()) sum += similarity(xs.next(), ys.next());
      return sum / n;
    }
    if (x.isNumber() && y.isNumber()) return NumericDiff.score(x.asDouble(), y.asDouble()).value();
    if (x.isTextual() && y.isTextual()) return Levenshtein.similarity(x.asText(), y.asText());
    return x.equals(y) ? 1 : 0;
  }
}
