package dev.provbench.job;

import java.io.Serializable;

/**
 * One model served by a provider.
 *
 * @param id          the model id sent in the request's {@code model} field; unique within its provider.
 * @param size        a size label such as {@code 8b}; given in the job file or inferred from {@code id}
 *                    ({@code llama-v3p1-70b-instruct} gives {@code 70b}); {@value #UNKNOWN_SIZE} when neither.
 * @param price       per-token prices, or null when unpriced or self-hosted.
 * @param costPerHour US dollars per hour of a self-hosted machine, or null; excludes {@code price}. Stored in each
 *                    row ({@code usd_per_hour}); analyses turn it into cost from the model's wall-clock span.
 * @param concurrency the most requests in flight for this model across the whole job (all executors);
 *                    defaults to the provider's, else the job's {@code concurrency}, else
 *                    {@value #DEFAULT_CONCURRENCY}.
 * @param baseUrl     an endpoint of this model's own, for providers that serve each model at its own
 *                    URL; null to use the provider's {@code base_url}.
 * @param request     request fields of this model's own ({@code request:}), as a JSON object text: each replaces the
 *                    task's field of that name (another {@code max_tokens}, a {@code stop} sequence) and a null
 *                    removes it ({@code tool_choice: null}); null for none (the default).
 */
public record ModelSpec(String id, String size, Price price, Double costPerHour, int concurrency, String baseUrl,
    String request) implements Serializable {
  public static final int DEFAULT_CONCURRENCY = 3;
  public static final String UNKNOWN_SIZE = "unknown";

  /** A model without request fields of its own. */
  public ModelSpec(String id, String size, Price price, Double costPerHour, int concurrency, String baseUrl) {
    this(id, size, price, costPerHour, concurrency, baseUrl, null);
  }
}
