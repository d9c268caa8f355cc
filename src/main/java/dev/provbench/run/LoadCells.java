package dev.provbench.run;

import dev.provbench.dataset.EvalCase;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The cells of one partition in a load step: first the warm-up cells, then the measured ones, each cycling
 * over the cases in order (a case's n-th appearance in the step is its trial n). Ids mix in the step and
 * whether the cell warms up, so every step's cells are new and a resumed ladder finds its own. A duration step at
 * a concurrency yields up to its bound; its {@link LoadGuard} ends it on time.
 */
final class LoadCells {
  private LoadCells() {}

  /**
   * The cells of {@code committed} (a run's committed cell ids, every step's) that belong to this pass's step and
   * models: what a resumed step has already done.
   */
  static Set<String> doneOf(RunSpec spec, List<EvalCase> cases, Set<String> committed) {
    Set<String> out = new HashSet<>();
    for (PartitionSpec part : spec.partitions()) {
      for (Iterator<Cell> it = of(spec, part, cases); it.hasNext(); ) {
        String id = it.next().cellId();
        if (committed.contains(id)) out.add(id);
      }
    }
    return out;
  }

  static Iterator<Cell> of(RunSpec spec, PartitionSpec part, List<EvalCase> cases) {
    LoadStep step = spec.load();
    ProviderSpec provider = spec.providers().get(part.provider());
    ModelSpec model = provider.models().get(part.model());
    int n = cases.size();
    return new Iterator<>() {
      long ordinal = part.shard();

      @Override
      public boolean hasNext() {
        return ordinal < step.cells();
      }

      @Override
      public Cell next() {
        if (!hasNext()) throw new NoSuchElementException();
        boolean warmup = ordinal < step.warmup();
        long k = warmup ? ordinal : ordinal - step.warmup();
        ordinal += part.shards();
        int caseIndex = (int) (k % n);
        int trial = (int) (k / n) + 1;
        String scope = spec.runId() + "\0load step " + step.step() + (warmup ? " warm-up" : "");
        return new Cell(CellPlanner.cellId(scope, provider.name(), model.id(), cases.get(caseIndex).id(), trial),
            caseIndex, trial, warmup);
      }
    };
  }
}
