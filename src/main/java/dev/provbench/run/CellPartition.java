package dev.provbench.run;

import dev.provbench.dataset.EvalCase;
import dev.provbench.job.ProviderSpec;
import dev.provbench.results.CellResult;
import dev.provbench.results.CommittedCells;
import dev.provbench.results.ResultSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The task body: drives the cells of every model share of one packed partition at once, each share within its
 * own window of calls in flight, and commits their rows in durable chunks as they finish; yields the number of
 * rows it committed. Cells already committed — by an earlier run (resume) or an earlier attempt of this task (a
 * Spark retry, on this executor or another) — are skipped, so every cell ends as exactly one row. Serialized
 * into the closure: the spec, broadcasts and accumulators.
 */
final class CellPartition implements FlatMapFunction<Iterator<PackedPartition>, Long> {
  /** Test hook: a task local property that makes the first attempt of every task fail after N cells. */
  static final String FAIL_FIRST_ATTEMPT_AFTER = "provbench.faultInjection.failFirstAttemptAfterCells";

  private final RunSpec spec;
  private final Broadcast<List<EvalCase>> cases;
  private final Broadcast<Set<String>> done;
  /** The only cells to run (a round of an adaptive run), or null for all. */
  private final Broadcast<Set<String>> only;
  private final Broadcast<SerializableConfiguration> hadoop;
  private final RunCounters counters;
  private final SpendCap cap;
  private final String execution;

  /** @param execution names this execution's files apart from an earlier one's (a resumed run). */
  CellPartition(RunSpec spec, Broadcast<List<EvalCase>> cases, Broadcast<Set<String>> done, Broadcast<Set<String>> only,
      Broadcast<SerializableConfiguration> hadoop, RunCounters counters, SpendCap cap, String execution) {
    this.only = only;
    this.spec = spec;
    this.execution = execution;
    this.cases = cases;
    this.done = done;
    this.hadoop = hadoop;
    this.counters = counters;
    this.cap = cap;
  }

  @Override
  public Iterator<Long> call(Iterator<PackedPartition> parts) {
    PackedPartition part = parts.next();
    TaskContext context = TaskContext.get();
    int attempt = context == null ? 0 : context.attemptNumber();
    long failAfter = context == null || attempt > 0 ? -1 : parseLong(context.getLocalProperty(FAIL_FIRST_ATTEMPT_AFTER));
    Configuration conf = hadoop.value().value();
    Path runDir = new Path(spec.resultsDir());
    String prefix = String.format("part-p%05d", part.index());
    Set<String> skip = new HashSet<>(done.value());
    skip.addAll(CommittedCells.ofPartition(runDir, prefix + "-", conf));

    List<EvalCase> all = cases.value();
    Set<String> selection = only == null ? null : only.value();
    SpendCap.Watch spend = cap.watch(conf);
    List<UntilCapped<List<Cell>>> shares = new ArrayList<>();
    List<LoadGuard> guards = new ArrayList<>();
    List<WindowedIterator.Lane<List<Cell>, List<CellResult>>> lanes = new ArrayList<>();
    for (PartitionSpec share : part.shares()) {
      CellRunner runner = new CellRunner(spec, share, apiKey(spec.providers().get(share.provider())));
      ConversationRunner conversations = new ConversationRunner(spec, share, runner);
      LoadGuard guard = new LoadGuard(spec.load(), all.size()); // a load step's pacing and stops, per model share
      TracePacer pacer = spec.trace() == null ? null : new TracePacer(spec.trace(), share.window()); // per share
      UntilCapped<List<Cell>> groups = new UntilCapped<>(skipping(CellPlanner.groups(spec, share, all), skip, selection),
          () -> spend.reached() || guard.tripped());
      shares.add(groups);
      guards.add(guard);
      // Counted as each call ends, before the next: the next cell (or turn) sees this one's cost.
      Consumer<CellResult> spent = r -> spend.spent(SpendCap.micros(r.cost().usd()));
      int threads = pacer == null ? share.window() : TracePacer.laneThreads(share.window()); // replay rows wait outside
      lanes.add(new WindowedIterator.Lane<>(groups, threads, group -> {
        Cell first = group.get(0);
        if (first.turn() > 0) return conversations.run(group, all.get(first.caseIndex()), spent);
        guard.awaitSendTime(first);
        CellResult r = runner.run(first, all.get(first.caseIndex()), pacer);
        guard.observe(r);
        spent.accept(r);
        return List.of(r);
      }));
    }
    WindowedIterator<List<Cell>, List<CellResult>> results = new WindowedIterator<>(lanes, "provbench-p" + part.index());
    if (context != null) {
      context.addTaskCompletionListener((TaskCompletionListener) ctx -> results.close());
    }
    long count = 0;
    try (ChunkWriter writer = new ChunkWriter(runDir, prefix + "-" + execution + "-a" + attempt, conf, spec.commit().everyCells(),
        spec.commit().everySeconds() * 1000)) {
      while (results.hasNext()) {
        List<CellResult> group = results.next();
        long before = writer.committed();
        // A conversation's turns are committed together: a resumed run finds all of them or none.
        writer.addAll(group.stream().map(ResultSchema::toRow).toList());
        for (CellResult r : group) counters.cellDone(r, 0);
        counters.addCommitted(writer.committed() - before);
        count += group.size();
        if (failAfter >= 0 && count >= failAfter) throw new IllegalStateException("injected failure of task attempt 0 after " + count + " cells");
      }
      long before = writer.committed();
      writer.commit();
      counters.addCommitted(writer.committed() - before);
      for (int i = 0; i < shares.size(); i++) {
        if (shares.get(i).stopped() && !guards.get(i).tripped()) counters.markStoppedByCap();
      }
      return List.of(writer.committed()).iterator();
    }
  }

  /**
   * The groups with their cells not in {@code skip} and, when {@code selection} is not null, in it; a group left with
   * no cell is left out.
   */
  private static Iterator<List<Cell>> skipping(Iterator<List<Cell>> groups, Set<String> skip, Set<String> selection) {
    return new Iterator<>() {
      List<Cell> next = advance();

      private List<Cell> advance() {
        while (groups.hasNext()) {
          List<Cell> kept = groups.next().stream()
              .filter(c -> !skip.contains(c.cellId()) && (selection == null || selection.contains(c.cellId()))).toList();
          if (!kept.isEmpty()) return kept;
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public List<Cell> next() {
        if (next == null) throw new NoSuchElementException();
        List<Cell> c = next;
        next = advance();
        return c;
      }
    };
  }

  /** The cells until {@code stop} says so; then none, though some were left. Read on one thread. */
  private static final class UntilCapped<T> implements Iterator<T> {
    private final Iterator<T> cells;
    private final BooleanSupplier stop;
    private boolean stopped;

    UntilCapped(Iterator<T> cells, BooleanSupplier stop) {
      this.cells = cells;
      this.stop = stop;
    }

    @Override
    public boolean hasNext() {
      if (stopped || !cells.hasNext()) return false;
      stopped = stop.getAsBoolean();
      return !stopped;
    }

    @Override
    public T next() {
      if (!hasNext()) throw new NoSuchElementException();
      return cells.next();
    }

    /** True when cells were left because of the cap. */
    boolean stopped() {
      return stopped;
    }
  }

  private static long parseLong(String s) {
    return s == null || s.isBlank() ? -1 : Long.parseLong(s.trim());
  }

  /** Read on the executor from its own environment, so no key travels in Spark's configuration. */
  private static String apiKey(ProviderSpec provider) {
    if (provider.apiKeyEnv() == null) return null;
    String key = System.getenv(provider.apiKeyEnv());
    if (key == null || key.isBlank()) {
      throw new IllegalStateException("environment variable " + provider.apiKeyEnv() + " (API key of " + provider.name()
          + ") is not set on this executor: pass it with --conf spark.executorEnv." + provider.apiKeyEnv() + "=...");
    }
    return key;
  }
}
