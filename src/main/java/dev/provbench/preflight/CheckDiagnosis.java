package dev.provbench.preflight;

import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.provider.AttemptResult;
import dev.provbench.provider.AttemptResult.Outcome;
import dev.provbench.provider.Reply;
import dev.provbench.results.CellStatus;
import dev.provbench.run.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * Turns one check request's outcome into a {@link ModelCheck}: which step failed and what to change. Pure but for
 * {@code listModels}, asked only when the model was not found. Stateless.
 */
final class CheckDiagnosis {
  /** Rate-limit headers as providers name them: x-ratelimit-*, ratelimit-*, x-rate-limit-*, anthropic-ratelimit-*, retry-after. */
  private static final Pattern RATE_LIMIT = Pattern.compile("(?i).*rate-?limit.*|retry-after(-ms)?");
  /** A 400 or 422 that says the model is unknown, as some providers answer instead of 404. */
  private static final Pattern MODEL_MISSING = Pattern.compile(
      "(?i).*\\bmodel\\b.*(not found|does not exist|not exist|unknown|not supported|invalid|unavailable).*");
  /** Ids listed in a fix; the rest are counted. */
  private static final int LISTED_IDS = 20;

  private CheckDiagnosis() {}

  /**
   * @param stream      the job streams.
   * @param r           the request's outcome.
   * @param headers     the response headers, or null when no response came.
   * @param verdict     the task's verdict on the reply, or null when not answered.
   * @param baseUrl     the model's endpoint, to name it when unreachable.
   * @param listModels  {@code GET /models}: the ids the endpoint lists, or null.
   */
  static ModelCheck of(ProviderSpec p, ModelSpec m, boolean stream, AttemptResult r, Headers headers, Verdict verdict,
      String baseUrl, Supplier<List<String>> listModels) {
    Integer status = r.httpStatus();
    boolean reachable = status != null;
    boolean keyRefused = status != null && (status == 401 || status == 403);
    boolean modelMissing = !r.ok() && status != null
        && (status == 404 || (status == 400 || status == 422) && r.error() != null && MODEL_MISSING.matcher(r.error()).matches());
    Reply reply = r.reply();
    List<String> notes = new ArrayList<>();
    Boolean streamed = stream && r.ok() ? r.ttftMs() != null : null;
    Boolean serverUsage = r.ok() ? !r.usage().estimated() : null;
    if (Boolean.FALSE.equals(streamed)) {
      notes.add("a streamed request was answered with a whole body: this model's cells get no TTFT");
    }
    if (Boolean.FALSE.equals(serverUsage)) notes.add(noUsage(p, stream));
    String problem = problem(p, m, r, verdict, baseUrl, keyRefused, modelMissing, listModels);
    return new ModelCheck(p.name(), m.id(), reachable, keyRefused ? Boolean.FALSE : reachable ? Boolean.TRUE : null,
        modelMissing ? Boolean.FALSE : r.ok() ? Boolean.TRUE : null,
        verdict == null ? null : verdict.status() == CellStatus.OK, streamed, serverUsage, carried(reply),
        rateLimits(headers), status, r.latencyMs(), r.ttftMs(), problem, notes);
  }

  private static String problem(ProviderSpec p, ModelSpec m, AttemptResult r, Verdict verdict, String baseUrl,
      boolean keyRefused, boolean modelMissing, Supplier<List<String>> listModels) {
    Integer status = r.httpStatus();
    String error = r.error();
    if (r.ok()) {
      if (verdict.status() == CellStatus.OK) return null;
      return "the reply did not parse (" + verdict.error() + "): check the template and max_tokens for this model";
    }
    if (status == null) {
      return r.outcome() == Outcome.TIMEOUT
          ? "no answer from " + baseUrl + "/chat/completions in time (" + error + "): check base_url, or raise timeouts"
          : "cannot reach " + baseUrl + "/chat/completions (" + error + "): check base_url and the network";
    }
    if (keyRefused) {
      return p.apiKeyEnv() == null
          ? status + ": the endpoint wants a key: set api_key_env to the variable that holds it"
          : status + ": the key in " + p.apiKeyEnv() + " was refused: check that it is a key of " + p.name()
              + " and still active";
    }
    if (modelMissing) return status + ": model id `" + m.id() + "` not served here; " + listed(listModels.get(), baseUrl);
    if (error != null && error.contains("stream_options")) return streamOptionsFix(p, r);
    if (status == 429) {
      String wait = r.retryAfterMs() == null ? "" : " (retry after " + r.retryAfterMs() + " ms)";
      return "429: rate limited on a single request" + wait + ": wait, or lower concurrency and set rate_limit";
    }
    if (r.outcome() == Outcome.BAD_RESPONSE) return status + ": not a readable completion (" + error + ")";
    if (r.outcome() != Outcome.HTTP_ERROR) return status + ": the reply broke off (" + error + ")";
    return error + ": see the provider's message";
  }

  /** A 400 or 422 whose message names {@code stream_options}: the provider does not take the field. */
  static boolean rejectsStreamOptions(AttemptResult r) {
    Integer status = r.httpStatus();
    return !r.ok() && status != null && (status == 400 || status == 422) && r.error() != null
        && r.error().contains("stream_options");
  }

  /**
   * The check of a model whose provider rejected {@code stream_options}, from the retry sent without the field:
   * it fails with the fix for the job file, and says how the retry went.
   *
   * @param retried  the diagnosis of the retry.
   * @param rejected the first request's outcome, the 400 naming the field.
   */
  static ModelCheck streamOptionsRejected(ModelCheck retried, AttemptResult rejected, ProviderSpec p) {
    String retry = retried.passed() ? "a retry without the field passed" : "a retry without the field failed too: "
        + retried.problem();
    List<String> notes = new ArrayList<>(retried.notes());
    notes.add(0, "retried once without stream_options: the row above is that retry");
    ModelCheck c = retried;
    return new ModelCheck(c.provider(), c.model(), c.reachable(), c.keyAccepted(), c.modelFound(), c.answerParsed(),
        c.streamed(), c.serverUsage(), c.carried(), c.rateLimits(), c.httpStatus(), c.latencyMs(), c.ttftMs(),
        streamOptionsFix(p, rejected) + "; " + retry, notes);
  }

  private static String streamOptionsFix(ProviderSpec p, AttemptResult r) {
    return r.httpStatus() + ": the provider rejects the field `stream_options` (" + r.error() + "): set `stream_options:"
        + " false` on provider `" + p.name() + "` in the job file; its cells then carry estimated usage (usage_source"
        + " 'estimated')";
  }

  private static String listed(List<String> ids, String baseUrl) {
    if (ids == null) {
      return "GET " + baseUrl + "/models gave no list: check the id, and base_url (it often ends in /v1)";
    }
    if (ids.isEmpty()) return "the provider lists no models at GET " + baseUrl + "/models";
    String shown = String.join(", ", ids.subList(0, Math.min(LISTED_IDS, ids.size())));
    return "the provider lists: " + shown + (ids.size() > LISTED_IDS ? " and " + (ids.size() - LISTED_IDS) + " more" : "");
  }

  private static String noUsage(ProviderSpec p, boolean stream) {
    String why = !stream ? "the reply carried no usage"
        : p.streamOptions() ? "no usage in the stream although stream_options.include_usage was sent"
        : "no usage in the stream (stream_options: false)";
    return why + ": this model's cells get estimated tokens and cost (usage_source 'estimated', about 4 characters a token)";
  }

  private static List<String> carried(Reply reply) {
    List<String> out = new ArrayList<>();
    if (reply == null) return out;
    if (!reply.content().isEmpty()) out.add("content");
    if (!reply.toolCalls().isEmpty()) out.add("tool_calls");
    if (reply.reasoning() != null) out.add("reasoning");
    return out;
  }

  private static Map<String, String> rateLimits(Headers headers) {
    Map<String, String> out = new TreeMap<>();
    if (headers == null) return out;
    for (String name : headers.names()) {
      if (RATE_LIMIT.matcher(name).matches()) out.put(name.toLowerCase(Locale.ROOT), headers.get(name));
    }
    return out;
  }
}
