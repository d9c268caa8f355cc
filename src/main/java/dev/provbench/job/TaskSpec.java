package dev.provbench.job;

import java.nio.file.Path;

/**
 * The factuality judge task.
 *
 * @param template    a YAML file with {@code prompt} (mustache, rendered with escaping off) and
 *                    {@code choice_scores}; resolved against the job file's folder.
 * @param temperature sampling temperature sent with every request; default 0.
 * @param maxTokens   {@code max_tokens} sent with every request; default 2048.
 * @param stream      stream the answer (SSE) to measure time to first token; default true.
 * @param cacheBust   put a per-cell nonce at the start of the system message so a provider's prefix cache
 *                    cannot serve repeated trials; changes the prompt; default false.
 */
public record TaskSpec(Path template, double temperature, int maxTokens, boolean stream, boolean cacheBust) {}
