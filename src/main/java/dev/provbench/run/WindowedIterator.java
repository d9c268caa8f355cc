package dev.provbench.run;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps a lazy source with at most {@code window} calls in flight, yielding results as they finish:
 * memory holds the window, never the whole partition. The source is read on the consuming thread
 * only. One per partition; not thread-safe.
 */
final class WindowedIterator<T, R> implements Iterator<R>, AutoCloseable {
  private final Iterator<T> source;
  private final int window;
  private final Function<T, R> work;
  private final ExecutorService pool;
  private final CompletionService<R> done;
  private int inFlight;

  WindowedIterator(Iterator<T> source, int window, Function<T, R> work, String threadName) {
    if (window < 1) throw new IllegalArgumentException("window must be at least 1, got " + window);
    this.source = source;
    this.window = window;
    this.work = work;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(window, r -> {
      Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.done = new ExecutorCompletionService<>(pool);
  }

  @Override
  public boolean hasNext() {
    fill();
    if (inFlight == 0) close();
    return inFlight > 0;
  }

  @Override
  public R next() {
    if (!hasNext()) throw new NoSuchElementException();
    try {
      R r = done.take().get();
      inFlight--;
      fill();
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while waiting for a call", e);
    } catch (ExecutionException e) {
      close();
      throw new IllegalStateException("a cell failed outside its own error handling", e.getCause());
    }
  }

  private void fill() {
    while (inFlight < window && source.hasNext()) {
      T item = source.next();
      done.submit(() -> work.apply(item));
      inFlight++;
    }
  }

  /** Stops the threads; calls in flight are interrupted (used when Spark kills the task). */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
