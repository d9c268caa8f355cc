package dev.provbench.job;

/** Which characters an HTTP/1.1 header can carry, and how to name one that it cannot without showing the text. */
final class HeaderCharacters {
  private HeaderCharacters() {}

  /**
   * The index of the first character HTTP/1.1 cannot carry in a header value, or -1. A key ({@code isValue}
   * false) also has no spaces or quotes: those come from copying it with its surroundings.
   */
  static int firstUnsendable(String value, boolean isValue) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = c > 0x20 && c < 0x7f && (isValue || c != '"' && c != '\'') || isValue && (c == ' ' || c == '\t');
      if (!ok) return i;
    }
    return -1;
  }

  /** What kind of character is at {@code i}, e.g. "a line break"; never the character itself. */
  static String describe(String s, int i) {
    char c = s.charAt(i);
    if (c == '\n') return "a line break";
    if (c == '\r') return "a carriage return";
    if (c == ' ' || c == '\t') return "a space or tab";
    if (c == '"' || c == '\'') return "a quote";
    return c < 0x20 || c == 0x7f ? "a control character" : "a non-ASCII character";
  }
}
