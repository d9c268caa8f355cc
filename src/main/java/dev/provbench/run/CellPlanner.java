package dev.provbench.run;

import dev.provbench.dataset.EvalCase;
import dev.provbench.job.Job;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.task.Conversation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Plans the matrix provider × model × case × trial: which share of a model runs which cells with how many
 * requests in flight, and which Spark partition drives which shares. Cells are generated lazily per share,
 * never held in memory whole.
 */
public final class CellPlanner {
  private CellPlanner() {}

  /** One or more shares per model (the job's {@code partitions_per_model}), its concurrency split between them. */
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

  /**
   * The shares packed into at most {@code slots} partitions, so that every task of the run has a slot and no
   * model waits for another's wave. Each share lands in exactly one partition, whole, so the windows of a
   * model still add up to its concurrency. Largest window first into the partition with the fewest calls in
   * flight: calls (threads, and CPU per second) spread evenly over the slots. Deterministic, so a retried
   * task finds the same shares under its index.
   */
  public static List<PackedPartition> pack(List<PartitionSpec> shares, int slots) {
    int count = Math.min(Math.max(1, slots), shares.size());
    List<List<PartitionSpec>> bins = new ArrayList<>();
    int[] windows = new int[count];
    for (int i = 0; i < count; i++) bins.add(new ArrayList<>());
    List<PartitionSpec> largestFirst = new ArrayList<>(shares);
    largestFirst.sort(Comparator.comparingInt(PartitionSpec::window).reversed().thenComparingInt(PartitionSpec::index));
    for (PartitionSpec share : largestFirst) {
      int least = 0;
      for (int i = 1; i < count; i++) if (windows[i] < windows[least]) least = i;
      bins.get(least).add(share);
      windows[least] += share.window();
    }
    List<PackedPartition> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      bins.get(i).sort(Comparator.comparingInt(PartitionSpec::index));
      out.add(new PackedPartition(i, bins.get(i)));
    }
    return out;
  }

  /** The cells of one share, in case-then-trial order (a conversation's turns in turn order, together). */
  public static Iterator<Cell> cells(RunSpec spec, PartitionSpec part, List<EvalCase> cases) {
    if (spec.load() != null) return LoadCells.of(spec, part, cases);
    Iterator<List<Cell>> groups = groups(spec, part, cases);
    return new Iterator<>() {
      Iterator<Cell> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && groups.hasNext()) current = groups.next().iterator();
        return current.hasNext();
      }

      @Override
      public Cell next() {
        if (!hasNext()) throw new NoSuchElementException();
        return current.next();
      }
    };
  }

  /**
   * The cells of one share in the groups that run as one: a conversation's turns of one trial, in order, or else
   * a single cell. A load step's cells are single.
   */
  public static Iterator<List<Cell>> groups(RunSpec spec, PartitionSpec part, List<EvalCase> cases) {
    if (spec.load() != null) {
      Iterator<Cell> single = LoadCells.of(spec, part, cases);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return single.hasNext();
        }

        @Override
        public List<Cell> next() {
          return List.of(single.next());
        }
      };
    }
    ProviderSpec provider = spec.providers().get(part.provider());
    ModelSpec model = provider.models().get(part.model());
    boolean conversations = spec.chat() != null && spec.chat().isConversation();
    long total = (long) cases.size() * spec.trials();
    return new Iterator<>() {
      long ordinal = part.shard();

      @Override
      public boolean hasNext() {
        return ordinal < total;
      }

      @Override
      public List<Cell> next() {
        if (!hasNext()) throw new NoSuchElementException();
        int caseIndex = (int) (ordinal / spec.trials());
        int trial = (int) (ordinal % spec.trials()) + 1;
        ordinal += part.shards();
        EvalCase c = cases.get(caseIndex);
        if (!conversations) return List.of(new Cell(cellId(spec.runId(), provider.name(), model.id(), c.id(), trial), caseIndex, trial));
        int turns = Conversation.count(c.input());
        List<Cell> out = new ArrayList<>(turns);
        for (int t = 1; t <= turns; t++) {
          out.add(new Cell(cellId(spec.runId(), provider.name(), model.id(), c.id(), trial, t), caseIndex, trial, false, t));
        }
        return out;
      }
    };
  }

  /** A conversation turn's id: the case's cell id with the turn mixed in. */
  public static String cellId(String runId, String provider, String model, String caseId, int trial, int turn) {
    return cellId(runId, provider, model, caseId + "\0turn " + turn, trial);
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
