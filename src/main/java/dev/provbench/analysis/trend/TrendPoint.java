package dev.provbench.analysis.trend;

import dev.provbench.analysis.Experiment;
import dev.provbench.stats.Interval;

/**
 * One experiment in one run of a series.
 *
 * @param experiment   provider × model × size.
 * @param cells        its cells.
 * @param failureRate  cells not answered ÷ cells.
 * @param accuracy     mean CorrectScore (failures score 0) with its 95% case-bootstrap interval.
 * @param p50s         median answered duration in seconds; null when nothing was answered.
 * @param p90s         90th percentile of answered durations in seconds; null when nothing was answered.
 */
public record TrendPoint(Experiment experiment, long cells, double failureRate, Interval accuracy, Double p50s,
    Double p90s) {}
