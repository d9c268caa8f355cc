package dev.provbench.run;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps lazy sources, each with at most its own {@code window} calls in flight, yielding results as they finish,
 * whichever source they came from: memory holds the windows, never the whole partition. A source's slot is
 * refilled from that source only, so each bound holds on its own (one lane per model share). Sources are read
 * on the consuming thread only. One per partition; not thread-safe.
 */
final class WindowedIterator<T, R> implements Iterator<R>, AutoCloseable {
  /**
   * One source with its own bound and its own work.
   *
   * @param source the items, read lazily.
   * @param window how many items of this source may be in {@code work} at once; at least 1.
   * @param work   the call, run on the iterator's threads.
   */
  record Lane<T, R>(Iterator<T> source, int window, Function<T, R> work) {
    Lane {
      if (window < 1) throw new IllegalArgumentException("window must be at least 1, got " + window);
    }
  }

  /** A finished call and the lane whose slot it frees. */
  private record Done<R>(int lane, R result) {}

  private final List<Lane<T, R>> lanes;
  private final int[] inFlight;
  private int totalInFlight;
  private final ExecutorService pool;
  private final CompletionService<Done<R>> done;

  WindowedIterator(Iterator<T> source, int window, Function<T, R> work, String threadName) {
    this(List.of(new Lane<>(source, window, work)), threadName);
  }

  WindowedIterator(List<Lane<T, R>> lanes, String threadName) {
    if (lanes.isEmpty()) throw new IllegalArgumentException("no lanes");
    this.lanes = List.copyOf(lanes);
    this.inFlight = new int[lanes.size()];
    AtomicInteger n = new AtomicInteger();
    // A thread per slot of every lane: a call never waits for a thread, only for its own lane's window.
    this.pool = Executors.newFixedThreadPool(lanes.stream().mapToInt(Lane::window).sum(), r -> {
      Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.done = new ExecutorCompletionService<>(pool);
  }

  @Override
  public boolean hasNext() {
    for (int i = 0; i < lanes.size(); i++) fill(i);
    if (totalInFlight == 0) close();
    return totalInFlight > 0;
  }

  @Override
  public R next() {
    if (!hasNext()) throw new NoSuchElementException();
    try {
      Done<R> d = done.take().get();
      inFlight[d.lane()]--;
      totalInFlight--;
      fill(d.lane());
      return d.result();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while waiting for a call", e);
    } catch (ExecutionException e) {
      close();
      throw new IllegalStateException("a cell failed outside its own error handling", e.getCause());
    }
  }

  private void fill(int i) {
    Lane<T, R> lane = lanes.get(i);
    while (inFlight[i] < lane.window() && lane.source().hasNext()) {
      T item = lane.source().next();
      done.submit(() -> new Done<>(i, lane.work().apply(item)));
      inFlight[i]++;
      totalInFlight++;
    }
  }

  /** Stops the threads; calls in flight are interrupted (used when Spark kills the task). */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
