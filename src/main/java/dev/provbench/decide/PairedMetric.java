package dev.provbench.decide;

/**
 * What a decision compares, per case, between two deployments a and b: a number in [−1, 1], positive when a is
 * better, the mean over the case's trials (trial t of a against trial t of b). Pure.
 */
enum PairedMetric {
  /** Score of a − score of b (a failure scores 0). */
  ACCURACY {
    @Override
    double trial(CellMatrix m, int a, int b, int c, int t) {
      return m.score(a, c, t) - m.score(b, c, t);
    }
  },
  /**
   * ln(duration of b ÷ duration of a), clipped at a ratio of {@value #CLIP_RATIO} and scaled to [−1, 1]; a failed
   * cell is as slow as can be (−1 when only a failed, +1 when only b did, 0 when both did), so failing fast never
   * looks fast.
   */
  SPEED {
    @Override
    double trial(CellMatrix m, int a, int b, int c, int t) {
      double da = m.duration(a, c, t);
      double db = m.duration(b, c, t);
      if (Double.isNaN(da) || Double.isNaN(db)) return Double.isNaN(da) ? (Double.isNaN(db) ? 0 : -1) : 1;
      return Math.max(-1, Math.min(1, Math.log(Math.max(db, 1) / Math.max(da, 1)) / LOG_CLIP));
    }
  };

  static final double CLIP_RATIO = 1.25;
  static final double LOG_CLIP = Math.log(CLIP_RATIO);

  abstract double trial(CellMatrix m, int a, int b, int c, int t);

  /** The case's value: the mean over its trials. */
  double value(CellMatrix m, int a, int b, int c) {
    double sum = 0;
    for (int t = 1; t <= m.trials(); t++) sum += trial(m, a, b, c, t);
    return sum / m.trials();
  }

  /** A speed margin given as a ratio (0.05 = 5%) in this metric's units. */
  static double speedUnits(double ratio) {
    return Math.min(1, Math.log(1 + ratio) / LOG_CLIP);
  }
}
