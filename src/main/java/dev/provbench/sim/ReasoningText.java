package dev.provbench.sim;

/** The text a reasoning model "thinks" before it answers: filler of an exact token count. Stateless. */
final class ReasoningText {
  private static final String THOUGHT = "Compare the submission with the expert answer, fact by fact. ";

  private ReasoningText() {}

  /** Text of exactly {@code tokens × 4} characters, so {@link TokenCount} gives back {@code tokens}. */
  static String of(int tokens) {
    int chars = tokens * 4;
    return THOUGHT.repeat(chars / THOUGHT.length() + 1).substring(0, chars);
  }

  /** Tokens generated in {@code ms} at {@code tokensPerS}; at least 1 when there is any reasoning. */
  static int tokens(double ms, double tokensPerS) {
    return ms <= 0 ? 0 : (int) Math.max(1, Math.round(ms * tokensPerS / 1000));
  }
}
