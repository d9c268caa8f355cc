package dev.provbench.preflight;

import java.time.Instant;

/**
 * What the check's calls to one provider × model measured, saved for the estimate of {@code validate} and
 * {@code run} ({@link CheckFile}). Only answered calls count. Immutable.
 *
 * @param provider         the provider's name.
 * @param model            the model id.
 * @param baseUrl          the endpoint called (the model's own base URL, else the provider's): a measurement is used
 *                         only while provider, model and base URL all match.
 * @param takenAt          when the check ran.
 * @param calls            answered calls measured; at least 1.
 * @param promptChars      Σ characters of their rendered prompts (system + user message).
 * @param promptTokens     Σ prompt tokens reported for them (estimated by the client when {@code serverUsage} is false).
 * @param completionTokens Σ completion tokens reported for them (likewise).
 * @param latencyMs        the median latency of one lone call, sent to last byte.
 * @param ttftMs           the median time to first token, or null when no call streamed.
 * @param serverUsage      every measured call carried the server's usage; false when the tokens are the client's
 *                         estimate (about 4 characters a token), as the run's would be.
 * @param maxTokens        the job's {@code max_tokens} when checked.
 */
public record CheckMeasurement(String provider, String model, String baseUrl, Instant takenAt, int calls,
    long promptChars, long promptTokens, long completionTokens, long latencyMs, Long ttftMs, boolean serverUsage,
    int maxTokens) {

  /** Prompt tokens per character of rendered prompt, as this model's tokenizer counted them. */
  public double tokensPerChar() {
    return promptChars == 0 ? 0.25 : (double) promptTokens / promptChars;
  }

  /** The mean completion of one answered call. */
  public double completionTokensPerCall() {
    return (double) completionTokens / calls;
  }

  /** Whether this measures the given endpoint. */
  public boolean measures(String provider, String model, String baseUrl) {
    return this.provider.equals(provider) && this.model.equals(model) && this.baseUrl.equals(baseUrl);
  }
}
