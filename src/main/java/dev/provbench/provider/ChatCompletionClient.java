package dev.provbench.provider;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.job.Timeouts;
import dev.provbench.provider.AttemptResult.Outcome;
import dev.provbench.provider.StaleConnectionGuard.StaleConnectionException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Sends one attempt of {@code POST {base_url}/chat/completions} to an OpenAI-compatible endpoint,
 * streaming (SSE) or not, and measures it: latency on a monotonic clock from just before the call, and for a
 * stream the time to the first delta of any kind, to the first answer delta and the gaps between deltas. Reads
 * content, reasoning, native tool calls, usage (estimated when the server sends none) and the response id.
 * Never retries by itself (see {@link RetryingCaller}), except that a request about to go out on a pooled
 * connection the server already closed goes out on a fresh one (see {@link StaleConnectionGuard}).
 * Thread-safe; cheap to create: the connection pool belongs to {@link HttpClients}.
 */
public final class ChatCompletionClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** One event is one chunk: two chunks run together in one event must not read as the first alone. */
  private static final ObjectReader EVENT = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  /** Closed pooled connections replaced in a row before the attempt is given up as a transport error. */
  static final int MAX_RECONNECTS = 3;

  private final OkHttpClient http;
  private final String url;
  private final Map<String, String> headers;
  private final String apiKey;

  /** @param apiKey the bearer key, or null; it is sent and never written anywhere else. */
  public ChatCompletionClient(ProviderSpec provider, ModelSpec model, Timeouts timeouts, String apiKey) {
    this.http = HttpClients.forTimeouts(timeouts);
    this.url = (model.baseUrl() != null ? model.baseUrl() : provider.baseUrl()) + "/chat/completions";
    this.headers = provider.headers();
    this.apiKey = apiKey;
  }

  /**
   * Sends the request once and measures it. A reused connection found closed before the request went out is
   * replaced at once (up to {@link #MAX_RECONNECTS} times, no back-off) and counted in
   * {@link AttemptResult#reconnects()}, not as an attempt: the server never saw it.
   */
  public AttemptResult send(ChatRequest chat) {
    return send(chat, headers -> {});
  }

  /**
   * {@link #send(ChatRequest)}, handing the response headers of the request the server answered to
   * {@code headersSeen} (the rate-limit headers a preflight check reports); not called when no response came.
   */
  public AttemptResult send(ChatRequest chat, Consumer<Headers> headersSeen) {
    Request request = request(chat);
    for (int reconnects = 0; ; reconnects++) {
      try {
        return attempt(request, chat, headersSeen).withReconnects(reconnects);
      } catch (StaleConnectionException e) {
        if (reconnects == MAX_RECONNECTS) {
          return AttemptResult.failure(Outcome.TRANSPORT_ERROR, null, 0, null,
              clean(e.getMessage() + ", " + (MAX_RECONNECTS + 1) + " times in a row")).withReconnects(reconnects);
        }
      }
    }
  }

  private Request request(ChatRequest chat) {
    Request.Builder request = new Request.Builder().url(url)
        .post(RequestBody.create(chat.toJson().toString(), JSON_TYPE))
        .header("Accept", chat.stream() ? "text/event-stream" : "application/json");
    headers.forEach(request::header);
    if (apiKey != null) request.header("Authorization", "Bearer " + apiKey);
    return request.build();
  }

  private AttemptResult attempt(Request request, ChatRequest chat, Consumer<Headers> headersSeen)
      throws StaleConnectionException {
    long start = System.nanoTime();
    try (Response response = http.newCall(request).execute()) {
      headersSeen.accept(response.headers());
      String requestId = response.header("x-request-id");
      if (!response.isSuccessful()) return httpError(response, start).withResponseId(requestId);
      ResponseBody body = response.body();
      boolean eventStream = body.contentType() == null || body.contentType().toString().startsWith("text/event-stream");
      // A server may answer a streamed request with a whole body (JSON, or an HTML error page): read it as one.
      return chat.stream() && eventStream ? readStream(body.source(), response.code(), start, requestId, chat)
          : readWhole(body.string(), response.code(), start, requestId, chat);
    } catch (StaleConnectionException e) {
      throw e;
    } catch (IOException e) {
      return ioFailure(e, start);
    }
  }

  private AttemptResult ioFailure(IOException e, long start) {
    if (e instanceof SocketTimeoutException) {
      return AttemptResult.failure(Outcome.TIMEOUT, null, elapsed(start), null, clean("timed out: " + e.getMessage()));
    }
    if (e instanceof InterruptedIOException) {
      return AttemptResult.failure(Outcome.TIMEOUT, null, elapsed(start), null, clean("call timed out: " + e.getMessage()));
    }
    return AttemptResult.failure(Outcome.TRANSPORT_ERROR, null, elapsed(start), null,
        clean(e.getClass().getSimpleName() + ": " + e.getMessage()));
  }

  private AttemptResult httpError(Response response, long start) throws IOException {
    String body = response.body().string();
    Long wait = RetryAfter.millis(response.headers(), Instant.now());
    return AttemptResult.failure(Outcome.HTTP_ERROR, response.code(), elapsed(start), wait,
        clean("HTTP " + response.code() + ": " + errorMessage(body)));
  }

  private AttemptResult readWhole(String text, int status, long start, String requestId, ChatRequest chat) {
    long latency = elapsed(start);
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      return badBody(status, latency, "response is not JSON: " + snippet(text)).withResponseId(requestId);
    }
    if (root == null || !root.isObject()) {
      return badBody(status, latency, "response is not a JSON object: " + snippet(text)).withResponseId(requestId);
    }
    String id = CompletionFields.id(root) != null ? CompletionFields.id(root) : requestId;
    if (root.hasNonNull("error")) return badBody(status, latency, "error object in a 200 response: " + errorMessage(text)).withResponseId(id);
    JsonNode choices = root.path("choices");
    if (!choices.isArray() || choices.isEmpty()) return badBody(status, latency, "response has no choices").withResponseId(id);
    JsonNode message = choices.get(0).path("message");
    JsonNode content = message.path("content");
    String reasoning = CompletionFields.reasoning(message);
    Reply reply = new Reply(content.isTextual() ? content.asText() : "", reasoning.isEmpty() ? null : reasoning,
        CompletionFields.toolCalls(message), id, CompletionFields.logprobs(choices.get(0)));
    return AttemptResult.answered(status, latency, reply, serverOrEstimate(CompletionFields.usage(root), chat, reply),
        StreamTiming.NONE);
  }

  private AttemptResult readStream(BufferedSource source, int status, long start, String requestId, ChatRequest chat) {
    StreamedReply stream = new StreamedReply(start);
    AttemptResult failed = readEvents(source, status, start, stream);
    Usage seen = stream.usage() == null ? Usage.NONE : stream.usage();
    String id = stream.responseId() != null ? stream.responseId() : requestId;
    if (failed != null) return failed.withUsage(seen).withResponseId(id);
    long latency = elapsed(start);
    if (!stream.sawChoice()) return badBody(status, latency, "stream has no choices").withUsage(seen).withResponseId(id);
    Reply reply = stream.reply(requestId);
    return AttemptResult.answered(status, latency, reply, serverOrEstimate(stream.usage(), chat, reply), stream.timing());
  }

  /**
   * Reads events up to {@code [DONE]} into {@code stream}; returns the failure that ended it early, else null.
   * As the SSE format has it, consecutive {@code data:} lines are one event, joined by "\n" and dispatched at
   * the blank line after them; comments ({@code :}) and other fields are skipped. A {@code data: [DONE]} line
   * starting an event ends the stream at once: a server may keep the connection open, or close it, without the
   * blank line.
   */
  private AttemptResult readEvents(BufferedSource source, int status, long start, StreamedReply stream) {
    try {
      StringBuilder data = null;
      String line;
      while ((line = source.readUtf8Line()) != null) {
        if (line.isEmpty()) {
          if (data == null) continue;
          AttemptResult failed = dispatch(data.toString(), status, start, stream);
          if (failed != null) return failed;
          data = null;
        } else if (line.equals("data") || line.startsWith("data:")) {
          String value = line.length() <= 5 ? "" : line.substring(line.charAt(5) == ' ' ? 6 : 5);
          if (data == null && value.trim().equals("[DONE]")) return null;
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
      }
      String where = data == null ? "before [DONE]" : "inside an event";
      return AttemptResult.failure(Outcome.TRANSPORT_ERROR, status, elapsed(start), null,
          "stream ended " + where + " after " + stream.contentLength() + " characters");
    } catch (IOException e) {
      return ioFailure(e, start);
    }
  }

  /** Parses one event's data into {@code stream}; returns the failure it is, else null. */
  private AttemptResult dispatch(String data, int status, long start, StreamedReply stream) {
    long arrived = System.nanoTime();
    JsonNode chunk;
    try {
      chunk = EVENT.readTree(data);
    } catch (IOException e) {
      return badBody(status, elapsed(start), "stream event is not JSON: " + snippet(data));
    }
    if (chunk.hasNonNull("error")) return badBody(status, elapsed(start), "error event in the stream: " + errorMessage(data));
    stream.accept(chunk, arrived);
    return null;
  }

  /** The server's usage; without one, an estimate from the request and the reply (≈ 4 characters a token). */
  private static Usage serverOrEstimate(Usage server, ChatRequest chat, Reply reply) {
    if (server != null) return server;
    List<String> output = new ArrayList<>(List.of(reply.content(), reply.reasoning() == null ? "" : reply.reasoning()));
    reply.toolCalls().forEach(t -> output.add(t.arguments()));
    return Usage.estimated(ProviderThrottle.estimateTokens(chat.system(), chat.user()),
        ProviderThrottle.estimateTokens(output.toArray(String[]::new)));
  }

  private AttemptResult badBody(int status, long latency, String why) {
    return AttemptResult.failure(Outcome.BAD_RESPONSE, status, latency, null, clean(why));
  }

  /** The provider's own error message when the body is an OpenAI-style error, else a snippet. */
  private String errorMessage(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode message = root.path("error").path("message");
      // The field a provider rejects may be named only in `param` (e.g. stream_options): keep it in the error.
      JsonNode param = root.path("error").path("param");
      if (message.isTextual() && param.isTextual() && !param.asText().isEmpty() && !message.asText().contains(param.asText())) {
        return snippet(message.asText() + " (param: " + param.asText() + ")");
      }
      if (message.isTextual()) return snippet(message.asText());
      if (root.path("error").isTextual()) return snippet(root.path("error").asText());
    } catch (IOException | RuntimeException notJson) {
      // an HTML page or plain text
    }
    return snippet(body);
  }

  /** Server text, flattened and cut short: the key is removed first, so no prefix of it survives a cut. */
  private String snippet(String s) {
    String flat = clean(s == null ? "" : s).replaceAll("\\s+", " ").trim();
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
  }

  /** A server may echo what it was sent: the key never leaves in an error text. */
  private String clean(String message) {
    if (message == null || apiKey == null || apiKey.isEmpty()) return message;
    return message.replace(apiKey, "[redacted]");
  }

  private static long elapsed(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
