package dev.provbench.job;

import dev.provbench.input.StoragePath;

/**
 * The job's {@code trace} section: a production trace replayed against every deployment, each from its own start,
 * its rows sent at their timestamps ÷ {@code speed} with their input and output lengths. Immutable; read by
 * {@link TracePlanReader}. A trace replay runs each row once per deployment ({@code trials} 1) and cannot be combined
 * with {@code load}, {@code adaptive} or {@code audit}.
 *
 * @param file        the trace, JSON lines or CSV in the Mooncake layout; local or a Hadoop URI, relative to the job file.
 * @param speed       the replay's speed factor: 2 sends twice as fast (a row due at 10 s is sent at 5 s); default
 *                    {@value #DEFAULT_SPEED}.
 * @param prompts     where prompts come from; default {@link TracePrompts#SYNTHETIC}. Synthetic prompts are the
 *                    cases' {@code prompt} field ({@code {{prompt}}} in the chat task's messages); {@code cases} needs
 *                    the job's {@code dataset}.
 * @param blockTokens prompt tokens one hash id names; default {@value #DEFAULT_BLOCK_TOKENS} (Mooncake's).
 * @param limit       replay only the first rows; null (the default) for all.
 * @param exactOutput also send vLLM's {@code min_tokens} = the row's output length and {@code ignore_eos: true}, so a
 *                    vLLM server generates exactly that many tokens; default {@value #DEFAULT_EXACT_OUTPUT}: only
 *                    {@code max_tokens} = the output length (an answer may end earlier; OpenAI's API rejects the
 *                    vLLM fields).
 */
public record TracePlan(StoragePath file, double speed, TracePrompts prompts, int blockTokens, Integer limit,
    boolean exactOutput) {
  public static final double DEFAULT_SPEED = 1;
  public static final int DEFAULT_BLOCK_TOKENS = 512;
  public static final boolean DEFAULT_EXACT_OUTPUT = false;
}
