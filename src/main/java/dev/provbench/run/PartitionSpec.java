package dev.provbench.run;

import java.io.Serializable;

/**
 * One share of one model: a part of its cells and of its concurrency. A Spark task drives the shares of its
 * {@link PackedPartition} side by side, each within its own window.
 *
 * @param index    the share's index in the plan.
 * @param provider index into the run's providers.
 * @param model    index into that provider's models.
 * @param shard    which share of the model's cells: those whose ordinal modulo {@code shards} equals it.
 * @param shards   how many shares the model's cells are split into (the job's {@code partitions_per_model}).
 * @param window   requests this share may have in flight; the shares' windows add up to the model's
 *                 concurrency, and each share is in exactly one task, so the bound holds across executors
 *                 (one task attempt runs at a time, speculation being off).
 * @param rateShare this share's part of its provider's rate limits: its window over the sum of the
 *                  windows of all the provider's shares, so the shares add up to the limits.
 */
public record PartitionSpec(int index, int provider, int model, int shard, int shards, int window, double rateShare)
    implements Serializable {}
