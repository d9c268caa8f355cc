package dev.provbench.job;

import dev.provbench.input.StoragePath;
import dev.provbench.task.ChatTask;

/**
 * The task: the factuality judge (the default), or a chat task of the user's own.
 *
 * @param template    the factuality judge: a YAML file with {@code prompt} (mustache, rendered with escaping off) and
 *                    {@code choice_scores}; resolved against the job file's folder (local or a Hadoop URI). Null for
 *                    a chat task.
 * @param temperature sampling temperature sent with every request; default {@value #DEFAULT_TEMPERATURE}.
 * @param maxTokens   {@code max_tokens} sent with every request; default {@value #DEFAULT_MAX_TOKENS}.
 * @param stream      stream the answer (SSE) to measure time to first token; default {@value #DEFAULT_STREAM}.
 * @param cacheBust   put a unique per-cell nonce at the start of the system message so a provider's prefix
 *                    cache cannot serve repeated trials; changes the prompt (accuracy is measured on a slightly
 *                    different prompt); {@code cached_tokens} is recorded either way; default
 *                    {@value #DEFAULT_CACHE_BUST}. A chat task's first message gets the nonce.
 * @param toolMode    the factuality judge: how it asks for {@code select_choice}: {@value #TEXT_TOOLS} (a system
 *                    message describes the {@code <function=…>} format, the reference recipe) or
 *                    {@value #NATIVE_TOOLS} ({@code tools} and {@code tool_choice} in the request, the answer read
 *                    from {@code tool_calls}); default {@value #DEFAULT_TOOL_MODE}.
 * @param chat        the chat task ({@code type: chat}): messages, request fields, extractor, scorers; null for the
 *                    factuality judge.
 */
public record TaskSpec(StoragePath template, double temperature, int maxTokens, boolean stream, boolean cacheBust,
    String toolMode, ChatTask chat) {
  /** The default task type. */
  public static final String FACTUALITY = "factuality";
  /** A task of the user's own: {@code messages}, {@code params}, {@code extract} and the job's {@code scorers}. */
  public static final String CHAT = "chat";
  /**
   * A chat task over multi-turn cases ({@code input.turns}): every turn is a cell, sent with the conversation so far
   * ({@code history}: the model's own replies or the recorded ones).
   */
  public static final String CONVERSATION = "conversation";
  public static final double DEFAULT_TEMPERATURE = 0.0;
  public static final int DEFAULT_MAX_TOKENS = 2048;
  public static final boolean DEFAULT_STREAM = true;
  public static final boolean DEFAULT_CACHE_BUST = false;
  public static final String TEXT_TOOLS = "text";
  public static final String NATIVE_TOOLS = "native";
  public static final String DEFAULT_TOOL_MODE = TEXT_TOOLS;

  /** The factuality judge in the reference recipe's text tool format. */
  public TaskSpec(StoragePath template, double temperature, int maxTokens, boolean stream, boolean cacheBust) {
    this(template, temperature, maxTokens, stream, cacheBust, DEFAULT_TOOL_MODE, null);
  }

  public boolean isChat() {
    return chat != null;
  }

  /** The same task sampled at another temperature and length: an audit's. */
  TaskSpec withSampling(double t, int tokens) {
    return new TaskSpec(template, t, tokens, stream, cacheBust, toolMode, chat);
  }

  /** The same task with its chat part replaced (the reader adds the scorers once it has read them). */
  TaskSpec withChat(ChatTask c) {
    return new TaskSpec(template, temperature, maxTokens, stream, cacheBust, toolMode, c);
  }
}
