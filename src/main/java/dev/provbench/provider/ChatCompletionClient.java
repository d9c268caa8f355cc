package dev.provbench.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.job.Timeouts;
import dev.provbench.provider.AttemptResult.Outcome;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Sends one attempt of {@code POST {base_url}/chat/completions} to an OpenAI-compatible endpoint,
 * streaming (SSE) or not, and measures it. Never retries by itself (see {@link RetryingCaller}).
 * Thread-safe; cheap to create: the connection pool belongs to {@link HttpClients}.
 */
public final class ChatCompletionClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

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

  public AttemptResult send(ChatRequest chat) {
    Request.Builder request = new Request.Builder().url(url)
        .post(RequestBody.create(chat.toJson().toString(), JSON_TYPE))
        .header("Accept", chat.stream() ? "text/event-stream" : "application/json");
    headers.forEach(request::header);
    if (apiKey != null) request.header("Authorization", "Bearer " + apiKey);
    long start = System.nanoTime();
    try (Response response = http.newCall(request.build()).execute()) {
      if (!response.isSuccessful()) return httpError(response, start);
      ResponseBody body = response.body();
      boolean eventStream = body.contentType() == null || body.contentType().toString().startsWith("text/event-stream");
      // A server may answer a streamed request with a whole body (JSON, or an HTML error page): read it as one.
      return chat.stream() && eventStream ? readStream(body.source(), response.code(), start)
          : readWhole(body.string(), response.code(), start);
    } catch (SocketTimeoutException e) {
      return AttemptResult.failure(Outcome.TIMEOUT, null, elapsed(start), null, clean("timed out: " + e.getMessage()));
    } catch (InterruptedIOException e) {
      return AttemptResult.failure(Outcome.TIMEOUT, null, elapsed(start), null, clean("call timed out: " + e.getMessage()));
    } catch (IOException e) {
      return AttemptResult.failure(Outcome.TRANSPORT_ERROR, null, elapsed(start), null,
          clean(e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  private AttemptResult httpError(Response response, long start) throws IOException {
    String body = response.body().string();
    Long wait = RetryAfter.millis(response.headers(), Instant.now());
    return AttemptResult.failure(Outcome.HTTP_ERROR, response.code(), elapsed(start), wait,
        clean("HTTP " + response.code() + ": " + errorMessage(body)));
  }

  private AttemptResult readWhole(String text, int status, long start) {
    long latency = elapsed(start);
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      return badBody(status, latency, "response is not JSON: " + snippet(text));
    }
    if (root == null || !root.isObject()) return badBody(status, latency, "response is not a JSON object: " + snippet(text));
    if (root.hasNonNull("error")) return badBody(status, latency, "error object in a 200 response: " + errorMessage(text));
    JsonNode choices = root.path("choices");
    if (!choices.isArray() || choices.isEmpty()) return badBody(status, latency, "response has no choices");
    JsonNode content = choices.get(0).path("message").path("content");
    JsonNode usage = root.path("usage");
    Reply reply = new Reply(content.isNull() ? "" : content.asText(""), null, java.util.List.of(), null);
    return AttemptResult.answered(status, latency, reply,
        new Usage(tokens(usage, "prompt_tokens"), tokens(usage, "completion_tokens"), null, null, false), StreamTiming.NONE);
  }

  private AttemptResult readStream(BufferedSource source, int status, long start) throws IOException {
    StringBuilder content = new StringBuilder();
    Long ttft = null;
    Long promptTokens = null;
    Long completionTokens = null;
    boolean done = false;
    boolean sawChoice = false;
    String line;
    while ((line = source.readUtf8Line()) != null) {
      if (!line.startsWith("data:")) continue; // blank separators, comments, event names
      String data = line.substring(5).trim();
      if (data.equals("[DONE]")) {
        done = true;
        break;
      }
      JsonNode chunk;
      try {
        chunk = JSON.readTree(data);
      } catch (IOException e) {
        if (source.exhausted()) {
          return AttemptResult.failure(Outcome.TRANSPORT_ERROR, status, elapsed(start), null,
              "stream ended inside an event after " + content.length() + " characters");
        }
        return badBody(status, elapsed(start), "stream event is not JSON: " + snippet(data));
      }
      if (chunk.hasNonNull("error")) return badBody(status, elapsed(start), "error event in the stream: " + errorMessage(data));
      JsonNode choices = chunk.path("choices");
      if (choices.isArray() && !choices.isEmpty()) {
        sawChoice = true;
        String delta = choices.get(0).path("delta").path("content").asText("");
        if (!delta.isEmpty()) {
          if (ttft == null) ttft = elapsed(start);
          content.append(delta);
        }
      }
      JsonNode usage = chunk.path("usage");
      if (usage.isObject()) {
        promptTokens = tokens(usage, "prompt_tokens");
        completionTokens = tokens(usage, "completion_tokens");
      }
    }
    long latency = elapsed(start);
    if (!done) {
      return AttemptResult.failure(Outcome.TRANSPORT_ERROR, status, latency, null,
          "stream ended before [DONE] after " + content.length() + " characters");
    }
    if (!sawChoice) return badBody(status, latency, "stream has no choices");
    return AttemptResult.answered(status, latency, new Reply(content.toString(), null, java.util.List.of(), null),
        new Usage(promptTokens, completionTokens, null, null, false), new StreamTiming(ttft, ttft, null));
  }

  private AttemptResult badBody(int status, long latency, String why) {
    return AttemptResult.failure(Outcome.BAD_RESPONSE, status, latency, null, clean(why));
  }

  private static Long tokens(JsonNode usage, String field) {
    JsonNode n = usage.path(field);
    return n.isNumber() ? n.asLong() : null;
  }

  /** The provider's own error message when the body is an OpenAI-style error, else a snippet. */
  private String errorMessage(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode message = root.path("error").path("message");
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
