package dev.provbench.job;

import dev.provbench.input.StoragePath;

/**
 * The factuality judge task.
 *
 * @param template    a YAML file with {@code prompt} (mustache, rendered with escaping off) and
 *                    {@code choice_scores}; resolved against the job file's folder (local or a Hadoop URI).
 * @param temperature sampling temperature sent with every request; default {@value #DEFAULT_TEMPERATURE}.
 * @param maxTokens   {@code max_tokens} sent with every request; default {@value #DEFAULT_MAX_TOKENS}.
 * @param stream      stream the answer (SSE) to measure time to first token; default {@value #DEFAULT_STREAM}.
 * @param cacheBust   put a unique per-cell nonce at the start of the system message so a provider's prefix
 *                    cache cannot serve repeated trials; changes the prompt (accuracy is measured on a slightly
 *                    different prompt); {@code cached_tokens} is recorded either way; default
 *                    {@value #DEFAULT_CACHE_BUST}.
 */
public record TaskSpec(StoragePath template, double temperature, int maxTokens, boolean stream, boolean cacheBust) {
  /** The only task type so far. */
  public static final String FACTUALITY = "factuality";
  public static final double DEFAULT_TEMPERATURE = 0.0;
  public static final int DEFAULT_MAX_TOKENS = 2048;
  public static final boolean DEFAULT_STREAM = true;
  public static final boolean DEFAULT_CACHE_BUST = false;
}
