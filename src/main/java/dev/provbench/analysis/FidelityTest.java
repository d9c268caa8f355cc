package dev.provbench.analysis;

/** The tests of a fidelity audit, as the {@code fidelity} table's {@code test} column names them. */
public enum FidelityTest {
  /** The MMD two-sample test of the completions' text (Hamming kernel, first 100 characters). */
  MMD("mmd", "outputs", "MMD"),
  /** The log-probability test of the first output position's alternatives. */
  LOGPROB("logprob", "log-probabilities", "log-probability test");

  private final String word;
  private final String compared;
  private final String shortName;

  FidelityTest(String word, String compared, String shortName) {
    this.word = word;
    this.compared = compared;
    this.shortName = shortName;
  }

  /** The {@code test} column's value. */
  public String word() {
    return word;
  }

  /** What the test compares, as an insight says it ("outputs differ from the reference"). */
  String compared() {
    return compared;
  }

  /** How an insight names the test beside its p ("MMD p = 0.02"). */
  String shortName() {
    return shortName;
  }
}
