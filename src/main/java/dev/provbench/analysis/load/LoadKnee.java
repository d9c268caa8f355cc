package dev.provbench.analysis.load;

import java.util.List;

/**
 * The saturation knee of a load curve: the first step after which throughput grows by less than a set share
 * while p90 latency keeps rising. Past it, more load buys latency, not answers. A pure function.
 */
public final class LoadKnee {
  private LoadKnee() {}

  /**
   * The index of the knee step, or -1 when throughput still grows at the last step (not saturated within the
   * ladder) or there are fewer than two steps.
   *
   * @param throughput answered requests per second, by step.
   * @param p90Ms      p90 latency by step.
   * @param growth     the least share throughput must grow by from one step to the next, e.g. 0.1.
   */
  public static int of(List<Double> throughput, List<Double> p90Ms, double growth) {
    for (int i = 0; i + 1 < throughput.size(); i++) {
      boolean flat = !(throughput.get(i + 1) >= throughput.get(i) * (1 + growth));
      boolean slower = p90Ms.get(i + 1) > p90Ms.get(i);
      if (flat && slower) return i;
    }
    return -1;
  }
}
