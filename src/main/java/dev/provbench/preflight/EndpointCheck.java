package dev.provbench.preflight;

import dev.provbench.dataset.EvalCase;
import dev.provbench.job.Job;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.provider.AttemptResult;
import dev.provbench.provider.ChatCompletionClient;
import dev.provbench.provider.ChatRequest;
import dev.provbench.results.CellStatus;
import dev.provbench.run.CellPlanner;
import dev.provbench.run.CellRequest;
import dev.provbench.run.PreparedRun;
import dev.provbench.run.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Headers;

/**
 * The preflight check: per provider × model, the job's first case rendered as the run renders it
 * ({@link CellRequest}) with the job's parameters, sent once (no retry) and judged by the run's {@link Verdict};
 * when it passes, {@code samples - 1} more cases, to measure typical tokens and latency ({@link CheckMeasurement}).
 * A model not found also costs a {@code GET /models}, which no provider bills; a 400 naming {@code stream_options}
 * one more request without the field. On the driver, one request at a time, so each latency is that of a lone
 * request.
 */
public final class EndpointCheck {
  /** Calls per model by default: enough for a typical answer length within a few percent on varied cases. */
  public static final int DEFAULT_SAMPLES = 5;
  /** Fixed, so that every check of a job samples the same cases. */
  private static final long SAMPLE_SEED = 17;

  /**
   * One model's check.
   *
   * @param check       what the first request showed, with its fix when it failed.
   * @param measurement what the answered requests measured; null when none answered.
   */
  public record Checked(ModelCheck check, CheckMeasurement measurement) {}

  private EndpointCheck() {}

  /** The chat requests {@link #all(PreparedRun, Map, int)} sends when every model passes: up to {@code samples} per model. */
  public static long requests(PreparedRun run, int samples) {
    return (long) run.job().modelCount() * sampleCases(run.cases(), samples).size();
  }

  /** The first request of each model, as {@link #all(PreparedRun, Map, int)} with one sample. */
  public static List<ModelCheck> all(PreparedRun run, Map<String, String> env) {
    return all(run, env, 1).stream().map(Checked::check).toList();
  }

  /** @param env where API keys are read; {@link PreparedRun#prepare} has checked them. */
  public static List<Checked> all(PreparedRun run, Map<String, String> env, int samples) {
    List<EvalCase> cases = sampleCases(run.cases(), samples);
    Instant takenAt = Instant.now();
    List<Checked> out = new ArrayList<>();
    for (ProviderSpec p : run.job().providers()) {
      String key = p.apiKeyEnv() == null ? null : env.get(p.apiKeyEnv());
      for (ModelSpec m : p.models()) out.add(one(run, p, m, key, cases, takenAt));
    }
    return out;
  }

  /** The first case, then cases drawn at random with a fixed seed from the rest: the same ones at every check. */
  static List<EvalCase> sampleCases(List<EvalCase> cases, int samples) {
    List<EvalCase> rest = new ArrayList<>(cases.subList(1, cases.size()));
    Collections.shuffle(rest, new Random(SAMPLE_SEED));
    List<EvalCase> out = new ArrayList<>(List.of(cases.get(0)));
    out.addAll(rest.subList(0, Math.min(rest.size(), Math.max(0, samples - 1))));
    return out;
  }

  /** @param takenAt when the check began: one time for all its models. */
  static Checked one(PreparedRun run, ProviderSpec p, ModelSpec m, String apiKey, List<EvalCase> cases, Instant takenAt) {
    Job job = run.job();
    ChatCompletionClient client = new ChatCompletionClient(p, m, job.timeouts(), apiKey);
    String baseUrl = CheckFile.baseUrl(p, m);
    EvalCase first = cases.get(0);
    AtomicReference<Headers> headers = new AtomicReference<>();
    AttemptResult r = client.send(request(run, p, m, first), headers::set);
    AttemptResult rejected = job.task().stream() && p.streamOptions() && CheckDiagnosis.rejectsStreamOptions(r) ? r : null;
    ProviderSpec sent = rejected == null ? p : withoutStreamOptions(p);
    if (rejected != null) r = client.send(request(run, sent, m, first), headers::set);
    Verdict verdict = verdict(run, first, r);
    ModelCheck check = CheckDiagnosis.of(sent, m, job.task().stream(), r, headers.get(), verdict, baseUrl,
        () -> ModelList.fetch(baseUrl, p, apiKey, job.timeouts()));
    if (rejected != null) check = CheckDiagnosis.streamOptionsRejected(check, rejected, p);
    List<Sample> answered = new ArrayList<>();
    if (r.ok()) answered.add(new Sample(request(run, sent, m, first), r));
    if (r.ok() && verdict.status() == CellStatus.OK) {
      for (EvalCase c : cases.subList(1, cases.size())) {
        ChatRequest more = request(run, sent, m, c);
        AttemptResult a = client.send(more);
        if (a.ok()) answered.add(new Sample(more, a));
      }
    }
    return new Checked(check, answered.isEmpty() ? null : Sample.measure(p, m, baseUrl, takenAt, answered,
        job.task().maxTokens()));
  }

  private static ChatRequest request(PreparedRun run, ProviderSpec p, ModelSpec m, EvalCase c) {
    return CellRequest.of(run.spec(), p, m, CellPlanner.cellId(run.job().runId(), p.name(), m.id(), c.id(), 1), c);
  }

  /** The provider as its job file would say with {@code stream_options: false}. */
  private static ProviderSpec withoutStreamOptions(ProviderSpec p) {
    return new ProviderSpec(p.name(), p.baseUrl(), p.apiKeyEnv(), p.headers(), p.models(), p.rateLimit(), false);
  }

  private static Verdict verdict(PreparedRun run, EvalCase c, AttemptResult r) {
    return !r.ok() ? null : Verdict.of(run.spec(), c, CellStatus.OK, null, r.reply().content(),
        Verdict.toolCallsJson(r.reply().toolCalls()));
  }

  /** One answered request and what it was sent. */
  private record Sample(ChatRequest request, AttemptResult result) {
    long promptChars() {
      return (request.system() == null ? 0 : request.system().length()) + request.user().length();
    }

    static CheckMeasurement measure(ProviderSpec p, ModelSpec m, String baseUrl, Instant takenAt, List<Sample> samples,
        int maxTokens) {
      long chars = 0;
      long prompt = 0;
      long completion = 0;
      boolean serverUsage = true;
      for (Sample s : samples) {
        chars += s.promptChars();
        prompt += orZero(s.result().promptTokens());
        completion += orZero(s.result().completionTokens());
        serverUsage &= s.result().usage().reported();
      }
      List<Long> ttfts = samples.stream().map(s -> s.result().ttftMs()).filter(t -> t != null).toList();
      return new CheckMeasurement(p.name(), m.id(), baseUrl, takenAt, samples.size(), chars, prompt, completion,
          median(samples.stream().map(s -> s.result().latencyMs()).toList()), ttfts.isEmpty() ? null : median(ttfts),
          serverUsage, maxTokens);
    }

    private static long orZero(Long v) {
      return v == null ? 0 : v;
    }

    private static long median(List<Long> values) {
      List<Long> sorted = values.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }
  }
}
