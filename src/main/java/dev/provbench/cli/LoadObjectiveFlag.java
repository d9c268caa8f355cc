package dev.provbench.cli;

import dev.provbench.input.BadInputException;
import dev.provbench.job.ServiceObjective;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Parses {@code --load-objective ttft_p90_ms=800,duration_p90_ms=3000,max_error_rate=0.05}; the job's field names. */
final class LoadObjectiveFlag {
  private static final Set<String> KEYS = Set.of("ttft_p90_ms", "duration_p90_ms", "max_error_rate");
  private static final String FIX = "write e.g. --load-objective ttft_p90_ms=800,duration_p90_ms=3000,max_error_rate=0.05";

  private LoadObjectiveFlag() {}

  static ServiceObjective parse(String text) {
    if (text == null || text.isBlank()) return ServiceObjective.NONE;
    Map<String, Double> v = new HashMap<>();
    for (String part : text.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2 || !KEYS.contains(kv[0].trim())) {
        throw new BadInputException("--load-objective", "cannot read `" + part.trim() + "`: known limits are " + KEYS, FIX);
      }
      try {
        double d = Double.parseDouble(kv[1].trim());
        if (!(d >= 0)) throw new NumberFormatException();
        v.put(kv[0].trim(), d);
      } catch (NumberFormatException e) {
        throw new BadInputException("--load-objective", "`" + kv[1].trim() + "` is not a number at least 0", FIX);
      }
    }
    Double errors = v.get("max_error_rate");
    if (errors != null && errors > 1) throw new BadInputException("--load-objective", "max_error_rate must be at most 1", FIX);
    return new ServiceObjective(v.get("ttft_p90_ms"), v.get("duration_p90_ms"), errors);
  }
}
