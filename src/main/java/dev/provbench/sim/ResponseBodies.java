package dev.provbench.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The JSON bodies the server sends, in the OpenAI wire format. Stateless; thread-safe. */
final class ResponseBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResponseBodies() {}

  /** A {@code chat.completion} object. */
  static String completion(Completion c) {
    ObjectNode root = head(c, "chat.completion");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", c.text());
    choice.put("finish_reason", c.finishReason());
    usage(root, c);
    return root.toString();
  }

  /** A {@code chat.completion.chunk} with one choice; {@code role} and {@code finishReason} may be null. */
  static String chunk(Completion c, String role, String content, String finishReason) {
    ObjectNode root = head(c, "chat.completion.chunk");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode delta = choice.putObject("delta");
    if (role != null) delta.put("role", role);
    if (content != null) delta.put("content", content);
    if (finishReason == null) choice.putNull("finish_reason");
    else choice.put("finish_reason", finishReason);
    return root.toString();
  }

  /** The usage chunk sent when {@code stream_options.include_usage} is true: no choices. */
  static String usageChunk(Completion c) {
    ObjectNode root = head(c, "chat.completion.chunk");
    root.putArray("choices");
    usage(root, c);
    return root.toString();
  }

  /** {@code {"error": {"message", "type", "code"}}}; a null code is sent as null. */
  static String error(String message, String type, String code) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error").put("message", message).put("type", type);
    error.putNull("param");
    if (code == null) error.putNull("code");
    else error.put("code", code);
    return root.toString();
  }

  /** {@code GET /v1/models}: the provider's models. */
  static String models(SimProvider provider) {
    ObjectNode root = JSON.createObjectNode().put("object", "list");
    ArrayNode data = root.putArray("data");
    for (SimModel m : provider.models()) {
      data.addObject().put("id", m.id()).put("object", "model").put("created", 0).put("owned_by", provider.name());
    }
    return root.toString();
  }

  /** {@code GET /stats}. */
  static String stats(SimStats stats) {
    ObjectNode root = JSON.createObjectNode().put("simulated", true).put("total_requests", stats.totalRequests());
    ArrayNode models = root.putArray("models");
    for (ModelStats m : stats.models()) {
      ObjectNode node = models.addObject().put("provider", m.provider()).put("model", m.model())
          .put("requests", m.requests()).put("max_concurrency", m.maxConcurrency()).put("in_flight", m.inFlight());
      ObjectNode statuses = node.putObject("statuses");
      for (Map.Entry<Integer, Long> e : m.statuses().entrySet()) statuses.put(String.valueOf(e.getKey()), e.getValue());
    }
    return root.toString();
  }

  static String health() {
    return JSON.createObjectNode().put("status", "ok").put("simulated", true).toString();
  }

  private static ObjectNode head(Completion c, String object) {
    return JSON.createObjectNode().put("id", c.id()).put("object", object).put("created", c.created())
        .put("model", c.model()).put("system_fingerprint", "simulated");
  }

  private static void usage(ObjectNode root, Completion c) {
    root.putObject("usage").put("prompt_tokens", c.promptTokens()).put("completion_tokens", c.completionTokens())
        .put("total_tokens", c.totalTokens());
  }
}
