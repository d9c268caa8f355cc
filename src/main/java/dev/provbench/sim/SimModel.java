package dev.provbench.sim;

/**
 * How one simulated model behaves: its speed, its load limit, the faults it injects, how often its
 * judgement is wrong and the shape of its replies. Immutable; validated by {@link ProfileReader}. Every
 * rate is a probability per request; the six fault rates ({@code rate429}, {@code rate5xx}, {@code rateHang},
 * {@code rateTruncate}, {@code rateMalformed}, {@code rate400}) are exclusive bands of one draw, so their
 * sum is at most 1.
 *
 * @param id             the model id clients send in {@code model}; unique within its provider. Required.
 * @param ttftMs         time to first token in ms, before {@code time_scale}. Default median 500, sigma 0.
 * @param tokensPerS     output speed after the first token; also paces reasoning. Default median 50, sigma 0.
 * @param maxConcurrency requests this model serves at once; one more is refused with 429 and
 *                       {@code Retry-After}, without using a draw. Default 64.
 * @param retryAfterS    the wait advised with every 429, in seconds before {@code time_scale}: sent as
 *                       {@code Retry-After} (whole seconds, rounded up) and {@code retry-after-ms}. Default 1.
 * @param rate429        random 429 with {@code Retry-After}, answered at once. Default 0.
 * @param rate5xx        random 500, 502 or 503 (one third each), after the first-token delay. Default 0.
 * @param rateTruncate   a reply cut in half: the stream stops without {@code [DONE]}, or a non-streaming
 *                       body stops short of its {@code Content-Length}; then the connection closes. Default 0.
 * @param rateHang       the request is held {@code hangMs} and the connection closed with no answer. Default 0.
 * @param hangMs         how long a hang lasts, before {@code time_scale}; bounded so nothing waits forever.
 *                       Default 120000.
 * @param rateMalformed  a reply whose tool call does not parse (no {@code <function=} tag, or cut JSON).
 *                       Default 0.
 * @param judgeErrorRate probability that the judge answers a letter other than its rule's; 1 minus this
 *                       is the model's accuracy on a perfectly judged dataset. Also the probability that a retrieval
 *                       answer ({@link RetrievalAnswerer}) is a distractor. Default 0.
 * @param rate400        random 400 {@code invalid_request_error}, answered at once with no delay. Default 0.
 * @param toolCalls      answer with OpenAI native {@code tool_calls} (content null) instead of the
 *                       {@code <function=select_choice>} text. Default false.
 * @param reasoningMs    how long the model reasons (streams {@code reasoning_content}) after the first-token
 *                       delay and before the answer, before {@code time_scale}; a median of 0 means no
 *                       reasoning. Default median 0, sigma 0.
 * @param usage          send {@code usage} at all; false omits it, streamed or not, whatever the request asks.
 *                       Default true.
 * @param prefixCache    report {@code prompt_tokens_details.cached_tokens}: the prompt's leading blocks of the
 *                       profile's {@code cache_block_tokens} this model has already seen ({@link PrefixCache}).
 *                       Default false.
 * @param drift          how its speed and accuracy change with the UTC time of day. Default {@link Drift#NONE}.
 * @param capacity       serving slots, a queue, slowdown as the batch fills and accuracy under load; null (the
 *                       default) serves every admitted request at once at full speed.
 * @param prefillTokensPerS prompt tokens read per second before the first token: each uncached prompt token adds
 *                       {@code 1000 / prefillTokensPerS} ms to the first-token delay (tokens a {@code prefixCache}
 *                       model reports cached are not read again). 0 (the default) adds nothing, as before it existed.
 * @param text           the free-text distribution it samples for prompts that are neither judge prompts nor retrieval
 *                       questions ({@link SampledText}). Default {@link TextWeights#NONE}: the judge's fallback reply.
 */
public record SimModel(
    String id,
    LogNormal ttftMs,
    LogNormal tokensPerS,
    int maxConcurrency,
    int retryAfterS,
    double rate429,
    double rate5xx,
    double rateTruncate,
    double rateHang,
    long hangMs,
    double rateMalformed,
    double judgeErrorRate,
    double rate400,
    boolean toolCalls,
    LogNormal reasoningMs,
    boolean usage,
    boolean prefixCache,
    Drift drift,
    Capacity capacity,
    double prefillTokensPerS,
    TextWeights text) {

  /** No reasoning: the default of {@link #reasoningMs}. */
  public static final LogNormal NO_REASONING = new LogNormal(0, 0);

  /** A fault-free model with the given speed, for tests and as the base of profile defaults. */
  public static SimModel steady(String id, double ttftMs, double tokensPerS) {
    return new SimModel(id, new LogNormal(ttftMs, 0), new LogNormal(tokensPerS, 0), 64, 1,
        0, 0, 0, 0, 120_000, 0, 0, 0, false, NO_REASONING, true, false, Drift.NONE, null, 0, TextWeights.NONE);
  }

  /** The same model with another capacity model (null: none). */
  public SimModel withCapacity(Capacity c) {
    return new SimModel(id, ttftMs, tokensPerS, maxConcurrency, retryAfterS, rate429, rate5xx, rateTruncate, rateHang,
        hangMs, rateMalformed, judgeErrorRate, rate400, toolCalls, reasoningMs, usage, prefixCache, drift, c, prefillTokensPerS, text);
  }

  /** The same model reading prompts at {@code tokensPerS} (0: no prefill time). */
  public SimModel withPrefill(double tokensPerS) {
    return new SimModel(id, ttftMs, this.tokensPerS, maxConcurrency, retryAfterS, rate429, rate5xx, rateTruncate, rateHang,
        hangMs, rateMalformed, judgeErrorRate, rate400, toolCalls, reasoningMs, usage, prefixCache, drift, capacity,
        tokensPerS, text);
  }

  /** How long reading {@code uncachedTokens} prompt tokens takes, in ms before {@code time_scale}; 0 without prefill. */
  public double prefillMs(int uncachedTokens) {
    return prefillTokensPerS > 0 ? uncachedTokens * 1000.0 / prefillTokensPerS : 0;
  }

  /** Whether replies carry {@code reasoning_content} (a median reasoning time above 0). */
  public boolean reasons() {
    return reasoningMs.median() > 0;
  }

  SimModel withDrift(Drift newDrift) {
    return new SimModel(id, ttftMs, tokensPerS, maxConcurrency, retryAfterS, rate429, rate5xx, rateTruncate, rateHang,
        hangMs, rateMalformed, judgeErrorRate, rate400, toolCalls, reasoningMs, usage, prefixCache, newDrift, capacity,
        prefillTokensPerS, text);
  }

  /** This model with delays (prefill included) {@code latencyFactor} times longer and {@code judgeErrorAdd} more judge errors. */
  SimModel drifted(double latencyFactor, double judgeErrorAdd) {
    return new SimModel(id, new LogNormal(ttftMs.median() * latencyFactor, ttftMs.sigma()),
        new LogNormal(tokensPerS.median() / latencyFactor, tokensPerS.sigma()), maxConcurrency, retryAfterS, rate429,
        rate5xx, rateTruncate, rateHang, hangMs, rateMalformed, Math.min(1, judgeErrorRate + judgeErrorAdd), rate400,
        toolCalls, reasoningMs, usage, prefixCache, Drift.NONE, capacity, prefillTokensPerS / latencyFactor, text);
  }
}
