package dev.provbench.job;

import dev.provbench.input.YamlFields;

import java.util.List;

/**
 * {@code partitions_per_model} splits each model's concurrency between that many partitions, so it may not exceed
 * the concurrency of any model: a partition needs at least one call in flight.
 */
final class PartitionRule {
  private PartitionRule() {}

  static void check(YamlFields job, int partitions, List<ProviderSpec> providers) {
    for (ProviderSpec p : providers) {
      for (ModelSpec m : p.models()) {
        if (partitions > m.concurrency()) {
          throw job.error("partitions_per_model", "is " + partitions + " but model " + m.id() + " of " + p.name()
              + " allows only " + m.concurrency() + " in flight", "use at most as many partitions as the smallest concurrency");
        }
      }
    }
  }
}
