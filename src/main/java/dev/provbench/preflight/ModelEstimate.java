package dev.provbench.preflight;

/**
 * What one provider × model of a job will take, before any call.
 *
 * @param provider                the provider's name.
 * @param model                   the model id.
 * @param cells                   cases × trials (on {@code --resume}, the cells left).
 * @param promptTokens            Σ over its cells of the rendered prompt (system + user, the cache-bust nonce
 *                                included) in tokens: its characters × the tokens per character the server reported
 *                                in the check, or without one ≈ characters ÷ 4, the rule the client uses when a server
 *                                reports no usage.
 * @param maxCompletionTokens     cells × {@code max_tokens}: no answer can be longer.
 * @param maxCostUsd              the price list's cost of those tokens, an upper bound for one answered attempt per
 *                                cell; null when the model has no price list (unpriced or self-hosted).
 * @param usdPerHour              the self-hosted machine's price per hour, or null.
 * @param concurrency             requests in flight for this model.
 * @param minWallSeconds          ceil(cells ÷ concurrency) × {@code latencySeconds}: no run of this model can be
 *                                faster unless calls are faster than that.
 * @param typicalCompletionTokens cells × the check's mean completion (at most {@code max_tokens}); null without a
 *                                check of this model.
 * @param typicalCostUsd          the price list's cost of the prompt and typical completion tokens; null without a
 *                                check or a price list.
 * @param latencySeconds          the latency of one call behind {@code minWallSeconds}: the check's median when
 *                                measured, else the assumed latency.
 * @param checked                 the check this estimate used, or null.
 */
public record ModelEstimate(String provider, String model, long cells, long promptTokens, long maxCompletionTokens,
    Double maxCostUsd, Double usdPerHour, int concurrency, double minWallSeconds, Long typicalCompletionTokens,
    Double typicalCostUsd, double latencySeconds, CheckMeasurement checked) {}
