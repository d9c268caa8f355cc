package dev.provbench.job;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One OpenAI-compatible endpoint and the models it serves.
 *
 * @param name      a display name, unique in the job ("Provider 1", "fireworks").
 * @param baseUrl   the URL that {@code /chat/completions} is appended to, e.g.
 *                  {@code https://api.together.xyz/v1}.
 * @param apiKeyEnv the environment variable holding the bearer key, or null for an endpoint without
 *                  authentication. The key itself is never stored in a job, a row or a log.
 * @param headers   extra request headers (no secrets: they are shown as written).
 * @param models    the models to benchmark at this provider; at least one.
 * @param rateLimit the provider's requests and tokens per minute over all its models; default none.
 * @param streamOptions send {@code stream_options: {include_usage: true}} with a streamed request, so the last chunk
 *                  carries the token counts; default {@value #DEFAULT_STREAM_OPTIONS}. Turn it off
 *                  ({@code stream_options: false}) for a provider that answers 400 to the field: its cells then
 *                  carry estimated usage ({@code usage_source = 'estimated'}) unless it sends usage anyway.
 */
public record ProviderSpec(
    String name, String baseUrl, String apiKeyEnv, Map<String, String> headers, List<ModelSpec> models,
    RateLimit rateLimit, boolean streamOptions) implements Serializable {
  public static final boolean DEFAULT_STREAM_OPTIONS = true;

  public ProviderSpec {
    headers = Map.copyOf(headers);
    models = List.copyOf(models);
  }

  /** A provider without rate limits of its own. */
  public ProviderSpec(String name, String baseUrl, String apiKeyEnv, Map<String, String> headers, List<ModelSpec> models) {
    this(name, baseUrl, apiKeyEnv, headers, models, RateLimit.NONE, DEFAULT_STREAM_OPTIONS);
  }

  /** A provider that takes {@code stream_options}. */
  public ProviderSpec(String name, String baseUrl, String apiKeyEnv, Map<String, String> headers, List<ModelSpec> models,
      RateLimit rateLimit) {
    this(name, baseUrl, apiKeyEnv, headers, models, rateLimit, DEFAULT_STREAM_OPTIONS);
  }

  /** The same provider at another endpoint (its models' own URLs dropped), e.g. a local simulator. */
  public ProviderSpec withBaseUrl(String url) {
    List<ModelSpec> atUrl = models.stream()
        .map(m -> new ModelSpec(m.id(), m.size(), m.price(), m.costPerHour(), m.concurrency(), null, m.request())).toList();
    return new ProviderSpec(name, url, apiKeyEnv, headers, atUrl, rateLimit, streamOptions);
  }
}
