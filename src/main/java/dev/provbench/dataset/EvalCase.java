package dev.provbench.dataset;

import java.io.Serializable;
import java.util.Map;

/**
 * One case of an eval.
 *
 * @param id       a stable id: the row's {@code id}, else a hash of its input and expected value.
 * @param vars     the template variables (for the factuality task: input, output, expected).
 * @param expected the gold score the task's output is compared with.
 * @param metadata the row's {@code metadata} as JSON text, or null.
 */
public record EvalCase(String id, Map<String, String> vars, double expected, String metadata)
    implements Serializable {

  public EvalCase {
    vars = Map.copyOf(vars);
  }
}
