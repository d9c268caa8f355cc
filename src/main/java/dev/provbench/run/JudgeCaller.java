package dev.provbench.run;

import dev.provbench.job.ModelSpec;
import dev.provbench.job.Price;
import dev.provbench.job.ProviderSpec;
import dev.provbench.job.RetryPolicy;
import dev.provbench.job.Timeouts;
import dev.provbench.provider.AttemptResult;
import dev.provbench.provider.CallOutcome;
import dev.provbench.provider.ChatCompletionClient;
import dev.provbench.provider.ChatRequest;
import dev.provbench.provider.RetryingCaller;
import dev.provbench.provider.Usage;
import dev.provbench.results.CellStatus;
import dev.provbench.results.JudgeCall;
import dev.provbench.score.Answer;
import dev.provbench.score.LlmJudge;
import dev.provbench.score.NamedScore;
import dev.provbench.task.FactualityTask;
import dev.provbench.task.JudgeTemplate;
import dev.provbench.task.ParsedChoice;
import dev.provbench.task.SelectChoiceTool;
import dev.provbench.task.ThinkSplit;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Asks one LLM-judge scorer's model about one answer: renders its prompt, sends it (not streamed, temperature 0, the
 * {@code select_choice} function described in the system message) through the same {@link ChatCompletionClient} and
 * {@link RetryingCaller} as a cell, within the {@link JudgeSlots} gates, and reads the letter as the factuality task
 * does (a text tool call, or a native one). A failed call or an unreadable reply scores null with a note, and never
 * fails the cell. The key is sent and nowhere else: errors come from the client, which removes it. One per share and
 * judge; thread-safe.
 */
final class JudgeCaller {
  private final String scorer;
  private final LlmJudge judge;
  private final ChatCompletionClient client;
  private final ModelSpec priced;
  private final RetryingCaller caller;
  private final Semaphore share;
  private final Semaphore jvm;
  private final String keyProblem;
  private final JudgeTemplate reading;

  /**
   * @param providers  the run's providers, where a judge's {@code provider} is looked up at its current endpoint.
   * @param apiKey     the judge's key, or null when it has none.
   * @param keyProblem why the judge's key could not be read (then nothing is sent), or null.
   */
  JudgeCaller(String scorer, LlmJudge judge, List<ProviderSpec> providers, Timeouts timeouts, RetryPolicy retry,
      Semaphore share, Semaphore jvm, String apiKey, String keyProblem) {
    this.scorer = scorer;
    this.judge = judge;
    this.priced = new ModelSpec(judge.model(), ModelSpec.UNKNOWN_SIZE,
        judge.inputPer1M() == null ? null : new Price(judge.inputPer1M(), judge.outputPer1M()), null, judge.concurrency(), null);
    this.client = new ChatCompletionClient(endpoint(judge, providers), priced, timeouts, apiKey);
    this.caller = new RetryingCaller(retry);
    this.share = share;
    this.jvm = jvm;
    this.keyProblem = keyProblem;
    this.reading = new JudgeTemplate(judge.prompt(), judge.choiceScores());
  }

  /** The judge's verdict on an answer with an output. */
  Judged judge(Answer answer) {
    if (keyProblem != null) return skipped(keyProblem);
    String prompt;
    try {
      prompt = judge.render(answer);
    } catch (RuntimeException e) {
      return skipped("the judge's prompt cannot be filled for this case: " + e.getMessage());
    }
    ChatRequest request = new ChatRequest(judge.model(), SelectChoiceTool.systemMessage(judge.letters()), prompt, 0.0,
        judge.maxTokens(), false, true);
    CallOutcome call;
    try {
      share.acquire();
      try {
        jvm.acquire();
        try {
          call = caller.call(() -> client.send(request));
        } finally {
          jvm.release();
        }
      } finally {
        share.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return skipped("interrupted while waiting for a judge slot");
    } catch (RuntimeException e) {
      return skipped("internal error: " + e);
    }
    return judged(call);
  }

  private Judged judged(CallOutcome call) {
    AttemptResult last = call.last();
    Usage u = last.ok() ? last.usage() : Usage.NONE;
    Double cost = CellCost.priceList(priced, call);
    if (!last.ok()) {
      return verdict(null, "judge call failed: " + last.error(), last.outcome().status(), call, u, cost, last.error());
    }
    String content = ThinkSplit.of(last.reply().content()).answer();
    ParsedChoice parsed = FactualityTask.answer(reading,
        Verdict.answerText(content, Verdict.toolCallsJson(last.reply().toolCalls())));
    if (parsed.score() == null) {
      return verdict(null, "judge reply not read: " + parsed.error(), CellStatus.PARSE_ERROR.value(), call, u, cost, parsed.error());
    }
    return verdict(parsed.score(), "judge chose " + parsed.choice(), CellStatus.OK.value(), call, u, cost, null);
  }

  private Judged verdict(Double score, String note, String status, CallOutcome call, Usage u, Double cost, String error) {
    return new Judged(new NamedScore(scorer, score, note), new JudgeCall(scorer, judge.model(), status, call.durationMs(),
        ints(u.promptTokens()), ints(u.completionTokens()), cost, error));
  }

  private Judged skipped(String why) {
    return new Judged(new NamedScore(scorer, null, "not judged: " + why), JudgeCall.skipped(scorer, judge.model(), why));
  }

  private static Integer ints(Long tokens) {
    return tokens == null ? null : (int) Math.min(Integer.MAX_VALUE, tokens);
  }

  /** The judge's endpoint: its provider's as the run knows it (that model's own URL when it lists it), else its own. */
  static ProviderSpec endpoint(LlmJudge judge, List<ProviderSpec> providers) {
    if (judge.provider() != null) {
      for (ProviderSpec p : providers) {
        if (!p.name().equals(judge.provider())) continue;
        String url = p.models().stream().filter(m -> m.id().equals(judge.model()) && m.baseUrl() != null)
            .map(ModelSpec::baseUrl).findFirst().orElse(p.baseUrl());
        return new ProviderSpec(p.name(), url, p.apiKeyEnv(), p.headers(), List.of(), p.rateLimit(), p.streamOptions());
      }
    }
    return new ProviderSpec("judge", judge.baseUrl(), judge.apiKeyEnv(), judge.headers(), List.of());
  }
}
