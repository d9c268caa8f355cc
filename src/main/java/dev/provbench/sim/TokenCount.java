package dev.provbench.sim;

/** The simulator's token estimate: one token per four characters, rounded up. */
final class TokenCount {
  private TokenCount() {}

  static int of(long chars) {
    return (int) Math.min(Integer.MAX_VALUE, (chars + 3) / 4);
  }

  static int of(String text) {
    return of(text.length());
  }
}
