package dev.provbench.sim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts how often each (provider, model, messages) request has been served, so a retry or a later
 * trial of the same request gets a fresh draw while the n-th arrival always gets the same one. One per
 * server; thread-safe.
 */
final class AttemptCounter {
  private record Key(String provider, String model, long messagesHash) {}

  private final Map<Key, AtomicInteger> attempts = new ConcurrentHashMap<>();

  /** 0 for the first arrival of this request, then 1, 2, ... */
  int next(String provider, String model, long messagesHash) {
    return attempts.computeIfAbsent(new Key(provider, model, messagesHash), k -> new AtomicInteger())
        .getAndIncrement();
  }
}
