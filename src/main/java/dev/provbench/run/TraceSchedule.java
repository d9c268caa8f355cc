package dev.provbench.run;

import dev.provbench.dataset.TraceRow;
import dev.provbench.job.TracePlan;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a trace replay needs per row beyond its case, indexed like the cases (case {@code i} is the trace's row
 * {@code i}): when it is due, how long its answer is, and which conversation turn it is. Shipped in the
 * {@link RunSpec} closure: about 20 bytes a row plus the session ids (a trace of 100,000 rows adds 2 MB to each
 * task). Immutable (the arrays are never written after construction; {@code late} holds accumulators).
 *
 * @param speed           the replay's speed factor; a row is due {@code timestamp ÷ speed} after the share's start.
 * @param offsetMs        each row's timestamp minus the first row's, ms (before the speed factor): the replay starts
 *                        with the first row.
 * @param outputTokens    each row's output length: its {@code max_tokens}.
 * @param conversationIds each row's session id, or null.
 * @param turns           each row's 1-based position among its session's rows, or 0 without a session.
 * @param exactOutput     whether requests also carry vLLM's {@code min_tokens} and {@code ignore_eos}.
 * @param late            counts sends more than {@link LateSends#TOLERANCE_MS} late; null until the run registers it.
 */
record TraceSchedule(double speed, long[] offsetMs, int[] outputTokens, String[] conversationIds, int[] turns,
    boolean exactOutput, LateSends late) implements Serializable {

  static TraceSchedule of(TracePlan plan, List<TraceRow> rows) {
    int n = rows.size();
    long[] offsets = new long[n];
    int[] outputs = new int[n];
    String[] sessions = new String[n];
    int[] turns = new int[n];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < n; i++) {
      TraceRow r = rows.get(i);
      offsets[i] = r.timestampMs() - rows.get(0).timestampMs();
      outputs[i] = r.outputLength();
      sessions[i] = r.sessionId();
      turns[i] = r.sessionId() == null ? 0 : seen.merge(r.sessionId(), 1, Integer::sum);
    }
    return new TraceSchedule(plan.speed(), offsets, outputs, sessions, turns, plan.exactOutput(), null);
  }

  /** The same schedule counting late sends into {@code counter}. */
  TraceSchedule withLate(LateSends counter) {
    return new TraceSchedule(speed, offsetMs, outputTokens, conversationIds, turns, exactOutput, counter);
  }

  /** When row {@code i} is due, ns after the replay's start: its offset ÷ speed. */
  long dueNanos(int i) {
    return Math.round(offsetMs[i] * 1e6 / speed);
  }

  /** The row's due offset in whole ms, as stored in {@code scheduled_ms}. */
  long scheduledMs(int i) {
    return Math.round(offsetMs[i] / speed);
  }

  /** The replay's length at its speed, s: the last row's due time. */
  double seconds() {
    return offsetMs.length == 0 ? 0 : offsetMs[offsetMs.length - 1] / speed / 1000;
  }

  int rows() {
    return offsetMs.length;
  }
}
