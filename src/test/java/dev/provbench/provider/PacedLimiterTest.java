package dev.provbench.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacedLimiterTest {
  private final AtomicLong now = new AtomicLong();

  private void advanceMs(long ms) {
    now.addAndGet(ms * 1_000_000);
  }

  @Test
  void pacesRequestsEvenly() {
    PacedLimiter sixtyPerMinute = new PacedLimiter(60, 1, now::get);
    assertEquals(0, sixtyPerMinute.reserve(1));
    assertEquals(1000, sixtyPerMinute.reserve(1));
    assertEquals(2000, sixtyPerMinute.reserve(1));
    advanceMs(3000);
    assertEquals(0, sixtyPerMinute.reserve(1));
    advanceMs(10_000);
    assertEquals(0, sixtyPerMinute.reserve(1), "an idle bucket holds at most its burst");
    assertEquals(1000, sixtyPerMinute.reserve(1));
  }

  @Test
  void lendsTokensAndChargesWhatWasUsedLater() {
    PacedLimiter sixThousandPerMinute = new PacedLimiter(6000, 100, now::get);
    assertEquals(0, sixThousandPerMinute.reserve(100));
    assertEquals(500, sixThousandPerMinute.reserve(50), "50 tokens at 100 a second");
    sixThousandPerMinute.charge(100);
    advanceMs(500);
    assertEquals(1500, sixThousandPerMinute.reserve(50), "-50 - 100 charged + 50 refilled - 50 = -150: 1.5 s");
  }
}
