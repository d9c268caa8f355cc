package dev.provbench.sim;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The serving slots of one model with a {@link Capacity}: a fair semaphore, so queued requests are served
 * first come first served, and the counters a load ladder's ground truth needs. One per model per server;
 * thread-safe.
 */
final class ServingSlots {
  private final Capacity capacity;
  private final Semaphore free;
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicInteger maxBusy = new AtomicInteger();
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong degraded = new AtomicLong();

  ServingSlots(Capacity capacity) {
    this.capacity = capacity;
    this.free = new Semaphore(capacity.slots(), true);
  }

  Capacity capacity() {
    return capacity;
  }

  /** Waits for a free slot; returns the slots busy once it is taken, this one included. */
  int acquire() throws InterruptedException {
    if (!free.tryAcquire()) {
      queued.incrementAndGet();
      free.acquire();
    }
    int now = busy.incrementAndGet();
    maxBusy.accumulateAndGet(now, Math::max);
    return now;
  }

  void release() {
    busy.decrementAndGet();
    free.release();
  }

  void countDegraded() {
    degraded.incrementAndGet();
  }

  void reset() {
    queued.set(0);
    degraded.set(0);
    maxBusy.set(busy.get());
  }

  long queued() {
    return queued.get();
  }

  long degraded() {
    return degraded.get();
  }

  int maxBusy() {
    return maxBusy.get();
  }
}
