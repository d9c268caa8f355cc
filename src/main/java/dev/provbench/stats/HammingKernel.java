package dev.provbench.stats;

/**
 * The Hamming string kernel of Model Equality Testing (Gao, Liang and Guestrin, ICLR 2025, "Model Equality Testing:
 * Which Model Is This API Serving?", section 3): both completions are cut or padded to their first {@code length}
 * characters (a pad that equals only itself), and the kernel is the share of those positions where they agree,
 * Σᵢ 1[xᵢ = yᵢ] ÷ L. It is the paper's Σᵢ 1[xᵢ = yᵢ] normalized so that k(x, x) = 1, as their code normalizes it.
 * Comparing completions of different prompts is the test's business ({@link MmdTest}), not the kernel's. Immutable.
 *
 * @param length L, the characters compared; at least 1.
 */
public record HammingKernel(int length) {
  /** The length used when none is given: 100 characters, about the first 25 tokens of a completion. */
  public static final HammingKernel FIRST_100_CHARACTERS = new HammingKernel(100);

  public HammingKernel {
    if (length < 1) throw new IllegalArgumentException("length must be at least 1: " + length);
  }

  /** k(x, y) in [0, 1]. */
  public double of(String x, String y) {
    int shared = Math.min(length, Math.min(x.length(), y.length()));
    int agree = 0;
    for (int i = 0; i < shared; i++) if (x.charAt(i) == y.charAt(i)) agree++;
    int padded = length - Math.max(Math.min(length, x.length()), Math.min(length, y.length()));
    return (agree + padded) / (double) length;
  }
}
