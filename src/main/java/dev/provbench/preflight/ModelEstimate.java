package dev.provbench.preflight;

/**
 * What one provider × model of a job will take, before any call.
 *
 * @param provider             the provider's name.
 * @param model                the model id.
 * @param cells                cases × trials.
 * @param promptTokens         Σ over its cells of ≈ characters ÷ 4 of the rendered prompt (system + user, the
 *                             cache-bust nonce included), the rule the client uses when a server reports no usage.
 * @param maxCompletionTokens  cells × {@code max_tokens}: no answer can be longer.
 * @param maxCostUsd           the price list's cost of those tokens, an upper bound for one answered attempt per cell;
 *                             null when the model has no price list (unpriced or self-hosted).
 * @param usdPerHour           the self-hosted machine's price per hour, or null.
 * @param concurrency          requests in flight for this model.
 * @param minWallSeconds       ceil(cells ÷ concurrency) × the assumed latency: no run of this model can be faster
 *                             unless calls are faster than that latency.
 */
public record ModelEstimate(String provider, String model, long cells, long promptTokens, long maxCompletionTokens,
    Double maxCostUsd, Double usdPerHour, int concurrency, double minWallSeconds) {}
