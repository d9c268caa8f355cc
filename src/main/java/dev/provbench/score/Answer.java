package dev.provbench.score;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a scorer judges: everything it may read, so a score is a pure function of it.
 *
 * @param output   the text the task extracted from the reply, or null when nothing was extracted.
 * @param expected the case's {@code expected} value as JSON (a number, text, list or object), or null when the case has
 *                 none.
 * @param fields   the case's input fields as JSON (what its templates render), never null.
 */
public record Answer(String output, JsonNode expected, JsonNode fields) {

  /** The expected value as text: a string as it is, anything else as compact JSON; null when there is none. */
  public String expectedText() {
    if (expected == null || expected.isNull() || expected.isMissingNode()) return null;
    return expected.isTextual() ? expected.asText() : expected.toString();
  }
}
