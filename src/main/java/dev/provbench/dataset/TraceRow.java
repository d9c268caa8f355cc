package dev.provbench.dataset;

import java.io.Serializable;
import java.util.List;

/**
 * One request of a production trace, in the Mooncake layout. Immutable.
 *
 * @param index        0-based position in the trace (after {@code limit}); names the case {@code t000123}.
 * @param where        where it was read, e.g. {@code chat-trace.jsonl: line 12}, for error messages.
 * @param timestampMs  when it arrived, ms from the trace's start; never below the row before.
 * @param inputLength  prompt tokens; at least 1.
 * @param outputLength answer tokens; at least 1.
 * @param hashIds      one id per leading block of the prompt (equal ids: identical block text), possibly fewer than
 *                     the prompt's blocks (the rest is this row's own text); empty when the trace gives none.
 * @param sessionId    the conversation it belongs to, as text (a number written as digits), or null.
 */
public record TraceRow(int index, String where, long timestampMs, int inputLength, int outputLength, List<Long> hashIds,
    String sessionId) implements Serializable {

  public TraceRow {
    hashIds = List.copyOf(hashIds);
  }

  /** The case id of the row: {@code t} and its index in six digits or more, e.g. {@code t000123}. */
  public String caseId() {
    return String.format("t%06d", index);
  }
}
