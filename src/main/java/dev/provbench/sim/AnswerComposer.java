package dev.provbench.sim;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What a served request's reply says, counts and takes, decided before a byte is written: a multi-turn arithmetic
 * conversation ({@link RunningTotal}) is carried on, a judge prompt is judged, else a retrieval question is answered,
 * anything else gets sampled text from a model with {@code text} weights ({@link SampledText}) or the judge's fallback;
 * a malformed fault breaks the text, {@code max_tokens} cuts it. Knows no HTTP, no clock and no server state (the {@link Serving} brings what it needs);
 * stateless.
 */
final class AnswerComposer {
  /** Mixed into the request's seed for sampled text, so the earlier draws keep their values. */
  static final long SAMPLE_STREAM = 0x5A4D504C45L;
  /** Mixed into the request's seed for the log-probabilities' jitter, apart from the sample's own draws. */
  static final long JITTER_STREAM = 0x4C4F475052L;
  /** Appended to pad an answer, then cut to whole tokens of four characters. */
  private static final String FILLER = " and so on, as ";

  private AnswerComposer() {}

  /**
   * What the server adds to a request's draws, read once the request holds its serving slot.
   *
   * @param judgeErrorRate the model's judge error rate, raised when its batch is past the capacity's degrade point.
   * @param slowdown       how much the batch slows the reply; 1 at full speed.
   * @param cachedTokens   prompt tokens the model's prefix cache already holds; 0 without one.
   * @param createdS       Unix seconds to stamp the reply with.
   */
  record Serving(double judgeErrorRate, double slowdown, int cachedTokens, long createdS) {}

  /** The reply's text before reasoning is added: how it is carried, what it says, why it ended. */
  private record Text(ReplyMode mode, String text, String finishReason) {}

  /**
   * @param model     the model as it serves now (drift applied).
   * @param malformed whether the request drew the malformed fault.
   */
  static Completion compose(ChatRequest request, SimModel model, RequestDraws draws, boolean malformed,
      Serving serving) {
    String tag = Long.toHexString(draws.streamSeed());
    Text text = padded(cut(text(request, model, draws, malformed, serving.judgeErrorRate()), request.maxTokens()),
        request.minTokens());
    int reasoningTokens = ReasoningText.tokens(draws.reasoningMs(), draws.tokensPerS());
    Completion.Message message = new Completion.Message(text.mode(), text.text(), "call_" + tag,
        model.reasons() ? ReasoningText.of(reasoningTokens) : null, text.finishReason(),
        logprobs(request, model, draws, text));
    Completion.Usage usage = new Completion.Usage(model.usage(), model.prefixCache(), request.promptTokens(),
        serving.cachedTokens(), TokenCount.of(text.text()), reasoningTokens);
    return new Completion(new Completion.Head("chatcmpl-" + tag, serving.createdS(), request.model()), message, usage,
        pace(request, model, draws, usage, serving));
  }

  private static Text text(ChatRequest request, SimModel model, RequestDraws draws, boolean malformed,
      double judgeErrorRate) {
    Optional<RunningTotal> arithmetic = RunningTotal.parse(request);
    if (arithmetic.isPresent()) {
      return new Text(ReplyMode.CONTENT, malformed ? "I lost track of the number."
          : arithmetic.get().answer(judgeErrorRate, draws.judgeError(), draws.wrongLetter()), "stop");
    }
    Optional<RetrievalPrompt> retrieval = JudgePrompt.parse(request.lastUserContent()).isPresent()
        ? Optional.empty() : RetrievalPrompt.parse(request);
    if (samplesText(request, model, retrieval)) {
      return new Text(ReplyMode.CONTENT, SampledText.reply(model.text(), request.lastUserContent(), request.temperature(),
          new SplittableRandom(draws.streamSeed() ^ SAMPLE_STREAM)), "stop");
    }
    if (retrieval.isPresent()) {
      return new Text(ReplyMode.CONTENT, malformed ? RetrievalAnswerer.MALFORMED
          : RetrievalAnswerer.answer(retrieval.get(), judgeErrorRate, draws.judgeError(), draws.wrongLetter()), "stop");
    }
    FactualityJudge.Verdict verdict = FactualityJudge.judge(request.lastUserContent(), judgeErrorRate,
        draws.judgeError(), draws.wrongLetter());
    if (model.toolCalls() && !(malformed && draws.flavour() < 0.5)) {
      return new Text(ReplyMode.TOOL_CALLS,
          malformed ? ToolCallReply.cutArguments(verdict) : ToolCallReply.arguments(verdict), "tool_calls");
    }
    return new Text(ReplyMode.CONTENT,
        malformed ? ToolCallReply.malformed(verdict, draws.flavour()) : ToolCallReply.wellFormed(verdict), "stop");
  }

  private static boolean samplesText(ChatRequest request, SimModel model, Optional<RetrievalPrompt> retrieval) {
    return retrieval.isEmpty() && model.text().samples() && JudgePrompt.parse(request.lastUserContent()).isEmpty();
  }

  /**
   * Sampled text's log-probabilities when asked (the same words again from the same draws, cut where the text was);
   * null when not asked, or when the reply is not sampled text (a malformed fault leaves sampled text as it is).
   */
  private static List<Completion.TokenLogprob> logprobs(ChatRequest request, SimModel model, RequestDraws draws, Text text) {
    if (!request.logprobs() || text.mode() != ReplyMode.CONTENT) return null;
    boolean judged = JudgePrompt.parse(request.lastUserContent()).isPresent();
    if (!samplesText(request, model, judged ? Optional.empty() : RetrievalPrompt.parse(request))) return null;
    int[] words = SampledText.words(model.text(), request.lastUserContent(), request.temperature(),
        new SplittableRandom(draws.streamSeed() ^ SAMPLE_STREAM));
    return SampledText.logprobs(model.text(), request.lastUserContent(), request.temperature(), words,
        text.text().length(), request.topLogprobs(), new SplittableRandom(draws.streamSeed() ^ JITTER_STREAM));
  }

  /** The text cut to {@code max_tokens} (4 characters a token), finishing for {@code length}; as it is within it. */
  private static Text cut(Text text, int maxTokens) {
    if (maxTokens <= 0 || TokenCount.of(text.text()) <= maxTokens) return text;
    return new Text(text.mode(), text.text().substring(0, maxTokens * 4), "length");
  }

  /**
   * The text padded to {@code minTokens} (vLLM's {@code min_tokens}, or {@code ignore_eos}): filler words of four
   * characters, cut so the answer counts exactly that many tokens, finishing for {@code length}; as it is when long
   * enough. Tool calls are left as they are.
   */
  private static Text padded(Text text, int minTokens) {
    if (minTokens <= 0 || text.mode() != ReplyMode.CONTENT || TokenCount.of(text.text()) >= minTokens) return text;
    StringBuilder out = new StringBuilder(text.text());
    while (out.length() < minTokens * 4) out.append(FILLER);
    out.setLength(minTokens * 4);
    return new Text(text.mode(), out.toString(), "length");
  }

  /** The drawn delays, the uncached prompt's prefill and the answer's decoding, each slowed by the batch. */
  private static Completion.Pace pace(ChatRequest request, SimModel model, RequestDraws draws, Completion.Usage usage,
      Serving serving) {
    double prefillMs = model.prefillMs(request.promptTokens() - serving.cachedTokens());
    return new Completion.Pace((draws.ttftMs() + prefillMs) * serving.slowdown(), draws.reasoningMs() * serving.slowdown(),
        usage.answerTokens() * 1000.0 / draws.tokensPerS() * serving.slowdown());
  }
}
