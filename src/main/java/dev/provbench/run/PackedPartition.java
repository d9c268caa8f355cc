package dev.provbench.run;

import java.io.Serializable;
import java.util.List;

/**
 * One Spark partition, run by one task: the model shares it drives at once, each with its own window of calls
 * in flight, its own rate-limit share and its own cells.
 *
 * @param index  the partition's index; names its result files ({@code part-p<index>-…}), so a retried attempt
 *               of the task finds the cells an earlier attempt committed.
 * @param shares the shares, each in no other partition; ordered by their index.
 */
public record PackedPartition(int index, List<PartitionSpec> shares) implements Serializable {
  public PackedPartition {
    shares = List.copyOf(shares);
  }

  /** Calls this partition may have in flight: the sum of its shares' windows. */
  public int window() {
    return shares.stream().mapToInt(PartitionSpec::window).sum();
  }
}
