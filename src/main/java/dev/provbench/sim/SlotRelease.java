package dev.provbench.sim;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Frees a request's concurrency slot once, just before the reply's last bytes go out: a client that
 * has read the whole reply must never find its slot still taken. Thread-safe; idempotent.
 */
final class SlotRelease implements Runnable {
  private final Runnable release;
  private final AtomicBoolean done = new AtomicBoolean();

  SlotRelease(Runnable release) {
    this.release = release;
  }

  @Override
  public void run() {
    if (done.compareAndSet(false, true)) release.run();
  }
}
