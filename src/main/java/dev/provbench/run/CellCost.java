package dev.provbench.run;

import dev.provbench.job.ModelSpec;
import dev.provbench.provider.AttemptResult;
import dev.provbench.provider.CallOutcome;
import dev.provbench.provider.Usage;

/**
 * What a cell cost by the model's price list: every attempt that reported usage is billed (a retried
 * attempt the provider answered, and failed cells, cost what they used); the answered attempt is billed
 * on estimated tokens when the server reported none ({@code usage_source = estimated}); prompt tokens the server
 * reports as {@code cached_tokens} at the price list's cached-input price, when it has one. A machine priced
 * by the hour is costed by the analyses from its wall-clock span, not here. Stateless.
 */
final class CellCost {
  private CellCost() {}

  /** US dollars, or null when the model has no price list or no attempt has tokens to price. */
  static Double priceList(ModelSpec model, CallOutcome call) {
    if (model.price() == null) return null;
    Double total = null;
    for (AttemptResult a : call.history()) {
      Usage u = a.usage();
      boolean billable = u.reported() || (a.ok() && u.promptTokens() != null && u.completionTokens() != null);
      if (!billable) continue;
      long cached = u.cachedTokens() == null ? 0 : u.cachedTokens();
      total = (total == null ? 0 : total) + model.price().cost(u.promptTokens(), cached, u.completionTokens());
    }
    return total;
  }
}
