package dev.provbench.reliability;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One line of the fault matrix: what a provider does to each attempt of a cell, and what the cell's row
 * must then say.
 *
 * @param name       the fault, as shown in docs/RELIABILITY.md.
 * @param stream     whether the job streams.
 * @param status     the row's expected {@code status}.
 * @param log        the expected {@code attempt_log}, one {@code status[:http_status]} per attempt.
 * @param minBackoff the least expected {@code backoff_ms}.
 * @param maxBackoff the most expected {@code backoff_ms}.
 * @param script     the n-th attempt gets the n-th reply; the last repeats.
 * @param knownBug   null, or what should happen instead: the line then pins today's behaviour until the
 *                   client is fixed, and docs/RELIABILITY.md shows it as a known bug.
 */
record Fault(String name, boolean stream, String status, String log, long minBackoff, long maxBackoff, List<Reply> script,
             String knownBug) {

  static Fault whole(String name, String status, String log, long minBackoff, long maxBackoff, Reply... script) {
    return new Fault(name, false, status, log, minBackoff, maxBackoff, Arrays.asList(script), null);
  }

  static Fault streamed(String name, String status, String log, long minBackoff, long maxBackoff, Reply... script) {
    return new Fault(name, true, status, log, minBackoff, maxBackoff, Arrays.asList(script), null);
  }

  Fault knownBug(String shouldBe) {
    return new Fault(name, stream, status, log, minBackoff, maxBackoff, script, shouldBe);
  }

  /** The status as shown in the doc, with the known bug if any. */
  String shownStatus() {
    return knownBug == null ? status : status + " (**known bug**: " + knownBug + ")";
  }

  /** A model id naming the fault, so each fault has its own partition and rows. */
  String model() {
    return (stream ? "s-" : "w-") + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  int attempts() {
    return log.split(" ").length;
  }

  int rateLimited() {
    return (int) Arrays.stream(log.split(" ")).filter(a -> a.endsWith(":429")).count();
  }

  String backoff() {
    return minBackoff == maxBackoff ? minBackoff + " ms" : minBackoff + "–" + maxBackoff + " ms";
  }
}
