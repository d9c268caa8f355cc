package dev.provbench.run;

import dev.provbench.provider.AttemptResult;
import dev.provbench.provider.StreamTiming;
import dev.provbench.provider.Usage;
import dev.provbench.results.CellResult;

/**
 * The speed and token columns of an answered cell, from its successful attempt: latency, time to first
 * token and to the first answer delta, time per output token and the request's decode rate (as vLLM's
 * benchmark defines them: TPOT = (latency − TTFT) ÷ (output tokens − 1)), chunk gaps, and tokens with
 * where they came from. Stateless.
 */
final class CellTiming {
  private CellTiming() {}

  static void fill(CellResult.Builder row, AttemptResult answered) {
    StreamTiming t = answered.timing();
    Usage u = answered.usage();
    row.latencyMs(answered.latencyMs()).ttftMs(t.ttftMs()).firstAnswerMs(t.firstAnswerMs()).chunkGapsMs(t.chunkGapsMs())
        .promptTokens(u.promptTokens()).completionTokens(u.completionTokens()).reasoningTokens(u.reasoningTokens())
        .cachedTokens(u.cachedTokens())
        .usageSource(u.promptTokens() == null && u.completionTokens() == null ? null : u.estimated() ? "estimated" : "server");
    Double tpot = tpotMs(answered.latencyMs(), t.ttftMs(), u.completionTokens());
    row.tpotMs(tpot).outputTps(tpot == null || tpot <= 0 ? null : 1000.0 / tpot);
  }

  /** (latency − ttft) ÷ (tokens − 1); null without a TTFT, with fewer than 2 tokens, or a reply sent at once. */
  static Double tpotMs(long latencyMs, Long ttftMs, Long completionTokens) {
    if (ttftMs == null || completionTokens == null || completionTokens < 2) return null;
    long decoding = latencyMs - ttftMs;
    return decoding <= 0 ? null : (double) decoding / (completionTokens - 1);
  }
}
