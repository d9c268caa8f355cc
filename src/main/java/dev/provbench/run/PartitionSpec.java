package dev.provbench.run;

import java.io.Serializable;

/**
 * One Spark partition of the plan: a share of one model's cells and of its concurrency.
 *
 * @param index    the partition index.
 * @param provider index into the run's providers.
 * @param model    index into that provider's models.
 * @param shard    which share of the model's cells: those whose ordinal modulo {@code shards} equals it.
 * @param shards   how many partitions the model's cells are split into.
 * @param window   requests this partition may have in flight; the shards' windows add up to the model's
 *                 concurrency, so the bound holds across executors (one task attempt runs at a time,
 *                 speculation being off).
 * @param rateShare this partition's part of its provider's rate limits: its window over the sum of the
 *                  windows of all the provider's partitions, so the shares add up to the limits.
 */
public record PartitionSpec(int index, int provider, int model, int shard, int shards, int window, double rateShare)
    implements Serializable {}
