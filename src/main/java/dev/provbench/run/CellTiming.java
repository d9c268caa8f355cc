package dev.provbench.run;

import dev.provbench.provider.AttemptResult;
import dev.provbench.provider.StreamTiming;
import dev.provbench.provider.Usage;
import dev.provbench.results.CellResult;
import java.util.Arrays;
import java.util.List;

/**
 * The speed and token columns of an answered cell, from its successful attempt: latency, time to first
 * token and to the first answer delta, time per output token and the request's decode rate (as vLLM's
 * benchmark defines them: TPOT = (latency − TTFT) ÷ (output tokens − 1)), chunk gaps, and tokens with
 * where they came from. Stateless.
 */
final class CellTiming {
  private CellTiming() {}

  static CellResult.Speed speed(AttemptResult answered) {
    StreamTiming t = answered.timing();
    Double tpot = tpotMs(answered.latencyMs(), t.ttftMs(), answered.usage().completionTokens());
    return new CellResult.Speed(answered.latencyMs(), t.ttftMs(), t.firstAnswerMs(), tpot,
        tpot == null || tpot <= 0 ? null : 1000.0 / tpot, gaps(t.chunkGapsMs()));
  }

  static CellResult.Tokens tokens(AttemptResult answered) {
    Usage u = answered.usage();
    return new CellResult.Tokens(u.promptTokens(), u.completionTokens(), u.reasoningTokens(), u.cachedTokens(),
        u.promptTokens() == null && u.completionTokens() == null ? null : u.estimated() ? "estimated" : "server");
  }

  private static List<Integer> gaps(int[] ms) {
    return ms == null ? null : Arrays.stream(ms).boxed().toList();
  }

  /** (latency − ttft) ÷ (tokens − 1); null without a TTFT, with fewer than 2 tokens, or a reply sent at once. */
  static Double tpotMs(long latencyMs, Long ttftMs, Long completionTokens) {
    if (ttftMs == null || completionTokens == null || completionTokens < 2) return null;
    long decoding = latencyMs - ttftMs;
    return decoding <= 0 ? null : (double) decoding / (completionTokens - 1);
  }
}
