package dev.provbench.sim;

import java.util.List;
import java.util.Map;

/**
 * One decided reply, before it is written: who sends it, what it says, what its usage counts and how long it takes.
 * Composed by {@link AnswerComposer}; written by {@link StreamedReply} or {@link BufferedReply}. Immutable.
 */
record Completion(Head head, Message message, Usage usage, Pace pace) {

  /**
   * What every body and chunk of the reply carries.
   *
   * @param id      {@code chatcmpl-...}, from the request's draw.
   * @param created Unix seconds when the reply was decided.
   * @param model   the requested model id, echoed.
   */
  record Head(String id, long created, String model) {}

  /**
   * What the reply says.
   *
   * @param mode         whether {@code text} goes out as content or as a tool call's arguments.
   * @param text         the assistant's content (a judge's tool call, or {@code Answer: ...} to a retrieval question),
   *                     or the {@code select_choice} arguments in {@link ReplyMode#TOOL_CALLS}.
   * @param toolCallId   {@code call_...}; used only in {@link ReplyMode#TOOL_CALLS}.
   * @param reasoning    the {@code reasoning_content} text; null when the model does not reason.
   * @param finishReason {@code stop}, {@code tool_calls}, or {@code length} when {@code max_tokens} cut the text.
   * @param logprobs     the text's token log-probabilities ({@link SampledText#logprobs}) when the request asked for them;
   *                     null otherwise, and for a reply that is not sampled text (sent as {@code "logprobs": null}).
   */
  record Message(ReplyMode mode, String text, String toolCallId, String reasoning, String finishReason,
      List<TokenLogprob> logprobs) {
    Message {
      logprobs = logprobs == null ? null : List.copyOf(logprobs);
    }

    /** The positions whose word starts in the text's characters [from, to): a streamed delta's. */
    List<TokenLogprob> logprobsIn(int from, int to) {
      return logprobs.stream().filter(t -> t.offset() >= from && t.offset() < to).toList();
    }
  }

  /**
   * One output position's log-probabilities, in OpenAI's {@code logprobs.content[i]} shape.
   *
   * @param offset  where the position's word starts in the text (a streamed delta carries the positions it starts).
   * @param token   the word, with a space before it past the first (as byte-pair tokens carry their space).
   * @param logprob its log-probability.
   * @param top     the {@code top_logprobs} likeliest tokens of the position, likeliest first: token to log-probability.
   */
  record TokenLogprob(int offset, String token, double logprob, List<Map.Entry<String, Double>> top) {
    TokenLogprob {
      top = List.copyOf(top);
    }
  }

  /**
   * What the reply's {@code usage} reports.
   *
   * @param sent            whether {@code usage} is sent at all ({@code usage: false} omits it).
   * @param reportsCache    whether usage carries {@code prompt_tokens_details.cached_tokens} ({@code prefix_cache}).
   * @param promptTokens    ceil(prompt characters / 4).
   * @param cachedTokens    prompt tokens of the leading cache blocks already seen ({@link PrefixCache}); 0 without one.
   * @param answerTokens    ceil(text characters / 4).
   * @param reasoningTokens ceil(reasoning characters / 4); 0 without reasoning.
   */
  record Usage(boolean sent, boolean reportsCache, int promptTokens, int cachedTokens, int answerTokens,
      int reasoningTokens) {
    /** Answer and reasoning tokens: what {@code usage.completion_tokens} reports. */
    int completionTokens() {
      return answerTokens + reasoningTokens;
    }

    int totalTokens() {
      return promptTokens + completionTokens();
    }
  }

  /**
   * How long the reply takes, before {@code time_scale}.
   *
   * @param ttftMs       first-token delay: the drawn delay plus the uncached prompt's prefill time
   *                     ({@link SimModel#prefillMs}), times the batch's slowdown.
   * @param reasoningMs  first reasoning delta to the first answer delta.
   * @param generationMs first answer token to last: answer tokens / tokens per s.
   */
  record Pace(double ttftMs, double reasoningMs, double generationMs) {
    /** When the first answer delta is due. */
    double answerStartMs() {
      return ttftMs + reasoningMs;
    }

    double durationMs() {
      return ttftMs + reasoningMs + generationMs;
    }
  }
}
