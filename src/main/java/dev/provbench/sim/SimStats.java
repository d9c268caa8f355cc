package dev.provbench.sim;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A snapshot of the server's counters, also served as JSON at {@code GET /stats}. Immutable.
 *
 * @param totalRequests chat completion requests of every provider, bad ones included.
 * @param idleCloses    keep-alive connections the server closed for being idle ({@code idle_close_ms});
 *                      always 0 without it.
 * @param models        one entry per served model, in profile order.
 */
public record SimStats(long totalRequests, long idleCloses, List<ModelStats> models) {

  public SimStats {
    models = List.copyOf(models);
  }

  /** The counters of the first served model with this id. */
  public ModelStats model(String modelId) {
    return models.stream().filter(m -> m.model().equals(modelId)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no simulated model `" + modelId + "`"));
  }
}
