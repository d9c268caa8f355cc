package dev.provbench.sim;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * How a model's service changes with the time of day, as a provider's does when its afternoon traffic peaks
 * or it swaps in another deployment at night: for {@code hours} hours from the UTC hour {@code fromHour}
 * (wrapping past midnight) its delays are {@code latencyFactor} times longer and its judge errs
 * {@code judgeErrorAdd} more often. Immutable; {@link #NONE} changes nothing.
 *
 * @param fromHour      first UTC hour of the window, 0–23 (the profile's {@code from_hour}).
 * @param hours         the window's length in hours, 0–24 (from the profile's {@code to_hour}, exclusive).
 * @param latencyFactor multiplies the first-token delay and divides the output speed within the window; 1 is
 *                      no change. Default 1.
 * @param judgeErrorAdd added to {@code judge_error_rate} within the window (capped at 1). Default 0.
 */
public record Drift(int fromHour, int hours, double latencyFactor, double judgeErrorAdd) {
  public static final Drift NONE = new Drift(0, 0, 1, 0);

  /** The window {@code [fromHour, toHour)}, wrapping past midnight when {@code toHour < fromHour}. */
  static Drift between(int fromHour, int toHour, double latencyFactor, double judgeErrorAdd) {
    return new Drift(fromHour, Math.floorMod(toHour - fromHour, 24) + (toHour == fromHour + 24 ? 24 : 0),
        latencyFactor, judgeErrorAdd);
  }

  /** Whether the UTC hour {@code hour} falls in the window. */
  public boolean covers(int hour) {
    return Math.floorMod(hour - fromHour, 24) < hours;
  }

  /** The same drift with its window moved by {@code hours} (may be negative). */
  Drift shifted(int by) {
    return new Drift(Math.floorMod(fromHour + by, 24), hours, latencyFactor, judgeErrorAdd);
  }

  /** The model as it serves at {@code clock}'s UTC hour: drifted within the window, unchanged outside it. */
  SimModel apply(SimModel model, Clock clock) {
    if (!covers(clock.instant().atZone(ZoneOffset.UTC).getHour())) return model;
    return model.drifted(latencyFactor, judgeErrorAdd);
  }
}
