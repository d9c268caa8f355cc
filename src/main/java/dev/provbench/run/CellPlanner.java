package dev.provbench.run;

import dev.provbench.dataset.EvalCase;
import dev.provbench.job.Job;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Plans the matrix provider × model × case × trial: which partition runs which cells, and with how
 * many requests in flight. Cells are generated lazily per partition, never held in memory whole.
 */
public final class CellPlanner {
  private CellPlanner() {}

  /** One or more partitions per model (the job's {@code partitions_per_model}), its concurrency split between them. */
  public static List<PartitionSpec> partitions(Job job) {
    List<PartitionSpec> out = new ArrayList<>();
    int shards = job.partitionsPerModel();
    for (int p = 0; p < job.providers().size(); p++) {
      List<ModelSpec> models = job.providers().get(p).models();
      int providerWindows = models.stream().mapToInt(ModelSpec::concurrency).sum();
      for (int m = 0; m < models.size(); m++) {
        int concurrency = models.get(m).concurrency();
        for (int s = 0; s < shards; s++) {
          int window = concurrency / shards + (s < concurrency % shards ? 1 : 0);
          out.add(new PartitionSpec(out.size(), p, m, s, shards, window, (double) window / providerWindows));
        }
      }
    }
    return out;
  }

  /** The cells of one partition, in case-then-trial order. */
  public static Iterator<Cell> cells(RunSpec spec, PartitionSpec part, List<EvalCase> cases) {
    if (spec.load() != null) return LoadCells.of(spec, part, cases);
    ProviderSpec provider = spec.providers().get(part.provider());
    ModelSpec model = provider.models().get(part.model());
    long total = (long) cases.size() * spec.trials();
    return new Iterator<>() {
      long ordinal = part.shard();

      @Override
      public boolean hasNext() {
        return ordinal < total;
      }

      @Override
      public Cell next() {
        if (!hasNext()) throw new NoSuchElementException();
        int caseIndex = (int) (ordinal / spec.trials());
        int trial = (int) (ordinal % spec.trials()) + 1;
        ordinal += part.shards();
        String id = cellId(spec.runId(), provider.name(), model.id(), cases.get(caseIndex).id(), trial);
        return new Cell(id, caseIndex, trial);
      }
    };
  }

  /** Stable across re-runs of the same run id: a resumed or re-scored run finds its cells again. */
  public static String cellId(String runId, String provider, String model, String caseId, int trial) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {runId, provider, model, caseId, Integer.toString(trial)}) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
