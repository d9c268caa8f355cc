package dev.provbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;

/** Reads and checks result rows: what every row must say about its attempts, whatever the fault. */
final class CellRows {
  private CellRows() {}

  static List<Row> attemptLog(Row r) {
    return r.getList(r.fieldIndex("attempt_log"));
  }

  /** The attempt log as {@code status[:http_status]} per attempt, e.g. {@code http_error:429 ok:200}. */
  static String signature(Row r) {
    return attemptLog(r).stream().map(a -> a.getAs("status") + (a.getAs("http_status") == null ? "" : ":" + a.getAs("http_status")))
        .collect(Collectors.joining(" "));
  }

  static long totalWait(Row r) {
    return attemptLog(r).stream().mapToLong(a -> (Long) a.getAs("wait_ms")).sum();
  }

  /**
   * The invariants of any row: attempts numbered 1..n and counted, 429s counted, back-off the sum of the
   * waits (none after the last), latency that of the successful attempt alone (back-off excluded), and the
   * last attempt's status.
   */
  static void assertConsistent(Row r) {
    String cell = r.getAs("model") + "/" + r.getAs("case_id") + " " + signature(r) + ": ";
    List<Row> log = attemptLog(r);
    int attempts = r.getAs("attempts");
    assertEquals(attempts, log.size(), cell + "attempts");
    for (int i = 0; i < log.size(); i++) assertEquals(i + 1, (int) log.get(i).getAs("attempt"), cell + "numbering");
    Row last = log.get(log.size() - 1);
    assertEquals(0L, (long) last.getAs("wait_ms"), cell + "no wait after the last attempt");
    assertEquals((long) r.getAs("backoff_ms"), totalWait(r), cell + "backoff_ms is the sum of the waits");
    long rateLimited = log.stream().filter(a -> Integer.valueOf(429).equals(a.getAs("http_status"))).count();
    assertEquals(rateLimited, (long) (int) r.getAs("rate_limited"), cell + "rate_limited");
    assertEquals((Integer) last.getAs("http_status"), (Integer) r.getAs("http_status"), cell + "http_status");
    long duration = r.getAs("duration_ms");
    assertTrue(duration >= (long) r.getAs("backoff_ms"), cell + "duration includes the back-off");
    String status = r.getAs("status");
    if (last.getAs("status").equals("ok")) {
      Long latency = r.getAs("latency_ms");
      assertNotNull(latency, cell + "latency of an answered cell");
      assertEquals((long) last.getAs("latency_ms"), (long) latency, cell + "latency is the successful attempt's");
      assertTrue(latency <= duration - (long) r.getAs("backoff_ms"), cell + "latency excludes the back-off");
      assertTrue(status.equals("ok") || status.equals("parse_error"), cell + "status of an answered cell");
    } else {
      assertNull(r.getAs("latency_ms"), cell + "no latency for a failed cell");
      assertEquals(last.getAs("status"), status, cell + "status is the last attempt's");
      assertNotNull(r.getAs("error"), cell + "a failed cell says why");
    }
  }
}
