package dev.provbench.decide;

import dev.provbench.results.CellOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulated full runs for the planner's tests: deployments of one size whose trials are right with a probability
 * that is the case's own difficulty plus the deployment's shift, and whose durations are log-normal around the
 * deployment's median. Cases differ in difficulty, so per-case values are correlated across deployments.
 */
final class SyntheticMatrix {
  /**
   * @param accuracyShift added to every case's chance of a right answer, per deployment.
   * @param medianMs      median duration per deployment.
   */
  record Shape(double[] accuracyShift, double[] medianMs, double sigma, int cases, int trials) {}

  private SyntheticMatrix() {}

  static CellMatrix of(Shape shape, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] difficulty = new double[shape.cases()];
    for (int c = 0; c < shape.cases(); c++) difficulty[c] = 0.55 + 0.4 * random.nextDouble();
    List<CellOutcome> cells = new ArrayList<>();
    for (int d = 0; d < shape.accuracyShift().length; d++) {
      for (int c = 0; c < shape.cases(); c++) {
        for (int t = 1; t <= shape.trials(); t++) {
          double p = Math.max(0, Math.min(1, difficulty[c] + shape.accuracyShift()[d]));
          double score = random.nextDouble() < p ? 1 : 0;
          double duration = shape.medianMs()[d] * Math.exp(shape.sigma() * random.nextGaussian());
          cells.add(new CellOutcome("Provider " + (d + 1), "m" + (d + 1), "8b", String.format("case-%03d", c), t, score,
              duration, 0.001));
        }
      }
    }
    return CellMatrix.of(cells);
  }

  static Shape same(int deployments, int cases, int trials) {
    return new Shape(new double[deployments], filled(deployments, 1000), 0.3, cases, trials);
  }

  static double[] filled(int n, double v) {
    double[] out = new double[n];
    Arrays.fill(out, v);
    return out;
  }
}
