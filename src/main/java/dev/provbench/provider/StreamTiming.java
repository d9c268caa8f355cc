package dev.provbench.provider;

/**
 * When a streamed reply's deltas arrived, in ms after the request was sent. Null fields for a whole body.
 *
 * @param ttftMs        the first non-empty delta of any kind: content, tool_calls arguments or reasoning.
 * @param firstAnswerMs the first content or tool_calls delta: the answer itself, after any reasoning.
 * @param chunkGapsMs   the gaps between consecutive non-empty deltas after the first (inter-chunk latency).
 */
public record StreamTiming(Long ttftMs, Long firstAnswerMs, int[] chunkGapsMs) {
  public static final StreamTiming NONE = new StreamTiming(null, null, null);
}
