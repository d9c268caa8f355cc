package dev.provbench.job;

import java.io.Serializable;
import java.util.Locale;

/**
 * A service objective a load step must meet: each limit is optional, a null one is not checked. A step
 * meets it when every given limit holds over its measured cells; a single answer meets it when its own
 * first token and duration are within the latency limits (goodput counts those). Immutable.
 *
 * @param ttftP90Ms     the 90th percentile of answered cells' {@code ttft_ms} at most this; null: no limit.
 * @param durationP90Ms the 90th percentile of answered cells' {@code duration_ms} at most this; null: no limit.
 * @param maxErrorRate  the share of cells without an answer at most this (0–1); null: no limit.
 */
public record ServiceObjective(Double ttftP90Ms, Double durationP90Ms, Double maxErrorRate) implements Serializable {
  public static final ServiceObjective NONE = new ServiceObjective(null, null, null);

  public boolean none() {
    return ttftP90Ms == null && durationP90Ms == null && maxErrorRate == null;
  }

  /** Whether one answer is within the latency limits; a null ttft (not streamed) is not checked. */
  public boolean answerWithin(Long ttftMs, long durationMs) {
    if (ttftP90Ms != null && ttftMs != null && ttftMs > ttftP90Ms) return false;
    return durationP90Ms == null || durationMs <= durationP90Ms;
  }

  /** {@code ttft p90 ≤ 800 ms, duration p90 ≤ 2000 ms, errors ≤ 5%}, or {@code none}. */
  public String describe() {
    if (none()) return "none";
    StringBuilder s = new StringBuilder();
    if (ttftP90Ms != null) s.append(String.format(Locale.ROOT, "ttft p90 <= %.0f ms", ttftP90Ms));
    if (durationP90Ms != null) s.append(s.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "duration p90 <= %.0f ms", durationP90Ms));
    if (maxErrorRate != null) s.append(s.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "errors <= %.1f%%", maxErrorRate * 100));
    return s.toString();
  }
}
