package dev.provbench.sim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live load of one served model: requests in flight (bounded by its {@code max_concurrency}), the
 * most seen at once, and requests by status. One per model per server; thread-safe.
 */
final class ModelLoad {
  static final int REFUSED = -1;

  private final String provider;
  private final SimModel model;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicLong requests = new AtomicLong();
  private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
  private final ServingSlots slots;

  ModelLoad(String provider, SimModel model) {
    this.provider = provider;
    this.model = model;
    this.slots = model.capacity() == null ? null : new ServingSlots(model.capacity());
  }

  /** The model's serving slots, or null when it has no {@link Capacity} (every admitted request is served at once). */
  ServingSlots slots() {
    return slots;
  }

  /** Admits a request if fewer than {@code max_concurrency} are in flight: the count before it, else {@link #REFUSED}. */
  int tryEnter() {
    requests.incrementAndGet();
    while (true) {
      int now = inFlight.get();
      if (now >= model.maxConcurrency()) return REFUSED;
      if (inFlight.compareAndSet(now, now + 1)) {
        maxInFlight.accumulateAndGet(now + 1, Math::max);
        return now;
      }
    }
  }

  void exit() {
    inFlight.decrementAndGet();
  }

  int inFlight() {
    return inFlight.get();
  }

  void countStatus(int status) {
    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
  }

  void reset() {
    requests.set(0);
    maxInFlight.set(inFlight.get());
    statuses.clear();
    if (slots != null) slots.reset();
  }

  ModelStats snapshot() {
    Map<Integer, Long> counts = new TreeMap<>();
    statuses.forEach((status, n) -> counts.put(status, n.sum()));
    return new ModelStats(provider, model.id(), requests.get(), maxInFlight.get(), inFlight.get(), counts,
        slots == null ? 0 : slots.maxBusy(), slots == null ? 0 : slots.queued(), slots == null ? 0 : slots.degraded());
  }
}
