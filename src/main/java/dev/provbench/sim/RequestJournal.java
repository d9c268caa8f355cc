package dev.provbench.sim;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last {@code capacity} request records and the total count. One per server; thread-safe (a lock
 * around the deque: a few hundred nanoseconds per request, far below the server's other costs).
 */
final class RequestJournal {
  private final int capacity;
  private final ArrayDeque<RequestRecord> records = new ArrayDeque<>();
  private final AtomicLong total = new AtomicLong();

  RequestJournal(int capacity) {
    this.capacity = capacity;
  }

  void add(RequestRecord record) {
    total.incrementAndGet();
    synchronized (records) {
      if (records.size() == capacity) records.removeFirst();
      records.addLast(record);
    }
  }

  long total() {
    return total.get();
  }

  List<RequestRecord> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  void reset() {
    total.set(0);
    synchronized (records) {
      records.clear();
    }
  }
}
