package dev.provbench.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The assistant text the judge answers with: a {@code select_choice} call on one line, or, for the
 * malformed-tool-call fault, text that looks like one but does not parse; and the arguments of a native
 * tool call. Stateless; thread-safe.
 */
final class ToolCallReply {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ToolCallReply() {}

  /** {@code <function=select_choice>{"reasons": "...", "choice": "C"}</function>}. */
  static String wellFormed(FactualityJudge.Verdict v) {
    return "<function=select_choice>" + arguments(v) + "</function>";
  }

  /**
   * A broken call. {@code flavour} below 0.5 drops the {@code <function=} tag (nothing to find); at or
   * above it, the JSON loses its closing quote and brace (found, but it does not parse).
   */
  static String malformed(FactualityJudge.Verdict v, double flavour) {
    String args = arguments(v);
    if (flavour < 0.5) return "select_choice " + args;
    return "<function=select_choice>" + args.substring(0, args.length() - 2) + "</function>";
  }

  /** The name of the one tool the judge calls. */
  static final String TOOL = "select_choice";

  /** Arguments of a native tool call whose JSON lost its closing quote and brace: found, but does not parse. */
  static String cutArguments(FactualityJudge.Verdict v) {
    String args = arguments(v);
    return args.substring(0, args.length() - 2);
  }

  /** {@code {"reasons": "...", "choice": "C"}}: the call's arguments as JSON text. */
  static String arguments(FactualityJudge.Verdict v) {
    return "{\"reasons\": " + quote(v.reasons()) + ", \"choice\": " + quote(v.choice()) + "}";
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string always serialises", e);
    }
  }
}
