package dev.provbench.analysis;

import dev.provbench.stats.PairedDifference;

/**
 * Two experiments compared on the cases both ran: usually the most accurate at a size against another.
 *
 * @param a          the first experiment (the difference is a − b).
 * @param b          the second.
 * @param difference the paired bootstrap estimate.
 */
public record PairedComparison(Experiment a, Experiment b, PairedDifference difference) {}
