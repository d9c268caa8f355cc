package dev.provbench.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Plain OkHttp calls against a simulated provider, as any OpenAI client would make them. One client per JVM. */
final class SimCalls {
  static final ObjectMapper JSON = new ObjectMapper();
  static final OkHttpClient CLIENT = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false)
      .readTimeout(Duration.ofSeconds(10))
      .build();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private SimCalls() {}

  static SimProfile profile(String resource) {
    return SimProfile.load(Path.of("src/test/resources/sim", resource));
  }

  static ObjectNode chat(String model, String userText, boolean stream, boolean includeUsage) {
    ObjectNode body = JSON.createObjectNode().put("model", model).put("temperature", 0).put("max_tokens", 2048);
    body.putArray("messages").addObject().put("role", "system").put("content", "Answer with select_choice.");
    ((ArrayNode) body.get("messages")).addObject().put("role", "user").put("content", userText);
    if (stream) {
      body.put("stream", true);
      if (includeUsage) body.putObject("stream_options").put("include_usage", true);
    }
    return body;
  }

  static Response post(String url, String body) throws IOException {
    return CLIENT.newCall(new Request.Builder().url(url).post(RequestBody.create(body, JSON_TYPE)).build()).execute();
  }

  static Response get(String url) throws IOException {
    return CLIENT.newCall(new Request.Builder().url(url).get().build()).execute();
  }

  /** POST /chat/completions, non-streaming; the parsed reply, or an exception for a non-200. */
  static JsonNode complete(String baseUrl, ObjectNode body) {
    try (Response r = post(baseUrl + "/chat/completions", body.toString())) {
      if (r.code() != 200) throw new IllegalStateException("HTTP " + r.code() + ": " + r.body().string());
      return JSON.readTree(r.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** POST /chat/completions, streamed; every {@code data:} event before {@code [DONE]}, parsed. */
  static List<JsonNode> chunks(String baseUrl, ObjectNode body) {
    try (Response r = post(baseUrl + "/chat/completions", body.toString())) {
      if (r.code() != 200) throw new IllegalStateException("HTTP " + r.code() + ": " + r.body().string());
      List<JsonNode> out = new ArrayList<>();
      for (String event : r.body().string().split("\n\n")) {
        if (event.startsWith("data: {")) out.add(JSON.readTree(event.substring(6)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one delta of a chunk's first choice (missing for the usage chunk). */
  static JsonNode delta(JsonNode chunk) {
    return chunk.path("choices").path(0).path("delta");
  }

  static String content(JsonNode completion) {
    return completion.path("choices").path(0).path("message").path("content").asText();
  }
}
