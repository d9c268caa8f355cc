package dev.provbench.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    Completion.Message m = c.message();
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    if (m.mode() == ReplyMode.TOOL_CALLS) {
      message.putNull("content");
      ObjectNode call = message.putArray("tool_calls").addObject().put("id", m.toolCallId()).put("type", "function");
      call.putObject("function").put("name", ToolCallReply.TOOL).put("arguments", m.text());
    } else {
      message.put("content", m.text());
    }
    if (m.reasoning() != null) message.put("reasoning_content", m.reasoning());
    if (m.logprobs() != null) logprobs(choice, m.logprobs());
    choice.put("finish_reason", m.finishReason());
    if (c.usage().sent()) usage(root, c);
    return root.toString();
  }

  /** The first chunk: the role, and empty content ({@code null} when the answer is a tool call). */
  static String roleChunk(Completion c) {
    ObjectNode delta = JSON.createObjectNode().put("role", "assistant");
    if (c.message().mode() == ReplyMode.TOOL_CALLS) delta.putNull("content");
    else delta.put("content", "");
    return chunk(c, delta, null);
  }

  /** A content delta, with the log-probabilities of the positions it starts when the reply carries them. */
  static String contentChunk(Completion c, String content, List<Completion.TokenLogprob> logprobs) {
    ObjectNode root = chunkNode(c, JSON.createObjectNode().put("content", content), null);
    if (logprobs != null) logprobs((ObjectNode) root.path("choices").get(0), logprobs);
    return root.toString();
  }

  /** {@code logprobs: {content: [{token, logprob, bytes, top_logprobs: [{token, logprob, bytes}]}]}} on a choice. */
  private static void logprobs(ObjectNode choice, List<Completion.TokenLogprob> positions) {
    ArrayNode content = choice.putObject("logprobs").putArray("content");
    for (Completion.TokenLogprob t : positions) {
      ObjectNode position = content.addObject().put("token", t.token()).put("logprob", t.logprob());
      bytes(position, t.token());
      ArrayNode top = position.putArray("top_logprobs");
      for (Map.Entry<String, Double> alt : t.top()) {
        bytes(top.addObject().put("token", alt.getKey()).put("logprob", alt.getValue()), alt.getKey());
      }
    }
  }

  private static void bytes(ObjectNode node, String token) {
    ArrayNode bytes = node.putArray("bytes");
    for (byte b : token.getBytes(StandardCharsets.UTF_8)) bytes.add(b & 0xff);
  }

  static String reasoningChunk(Completion c, String reasoning) {
    return chunk(c, JSON.createObjectNode().put("reasoning_content", reasoning), null);
  }

  /** The first tool_calls delta: index, id, type and function name, with empty arguments. */
  static String toolCallStartChunk(Completion c) {
    ObjectNode delta = JSON.createObjectNode();
    ObjectNode call = delta.putArray("tool_calls").addObject().put("index", 0).put("id", c.message().toolCallId())
        .put("type", "function");
    call.putObject("function").put("name", ToolCallReply.TOOL).put("arguments", "");
    return chunk(c, delta, null);
  }

  /** A later tool_calls delta: index and a fragment of the arguments. */
  static String toolArgumentsChunk(Completion c, String fragment) {
    ObjectNode delta = JSON.createObjectNode();
    delta.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", fragment);
    return chunk(c, delta, null);
  }

  /** {@code delta: {}} with the finish reason. */
  static String finishChunk(Completion c) {
    return chunk(c, JSON.createObjectNode(), c.message().finishReason());
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
    ObjectNode root = JSON.createObjectNode().put("simulated", true).put("total_requests", stats.totalRequests())
        .put("idle_closes", stats.idleCloses());
    ArrayNode models = root.putArray("models");
    for (ModelStats m : stats.models()) {
      ObjectNode node = models.addObject().put("provider", m.provider()).put("model", m.model())
          .put("requests", m.requests()).put("max_concurrency", m.maxConcurrency()).put("in_flight", m.inFlight())
          .put("max_busy_slots", m.maxBusySlots()).put("queued", m.queued()).put("degraded", m.degraded());
      ObjectNode statuses = node.putObject("statuses");
      for (Map.Entry<Integer, Long> e : m.statuses().entrySet()) statuses.put(String.valueOf(e.getKey()), e.getValue());
    }
    return root.toString();
  }

  static String health() {
    return JSON.createObjectNode().put("status", "ok").put("simulated", true).toString();
  }

  private static String chunk(Completion c, ObjectNode delta, String finishReason) {
    return chunkNode(c, delta, finishReason).toString();
  }

  private static ObjectNode chunkNode(Completion c, ObjectNode delta, String finishReason) {
    ObjectNode root = head(c, "chat.completion.chunk");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.set("delta", delta);
    if (finishReason == null) choice.putNull("finish_reason");
    else choice.put("finish_reason", finishReason);
    return root;
  }

  private static ObjectNode head(Completion c, String object) {
    return JSON.createObjectNode().put("id", c.head().id()).put("object", object).put("created", c.head().created())
        .put("model", c.head().model()).put("system_fingerprint", "simulated");
  }

  private static void usage(ObjectNode root, Completion c) {
    Completion.Usage u = c.usage();
    ObjectNode usage = root.putObject("usage").put("prompt_tokens", u.promptTokens())
        .put("completion_tokens", u.completionTokens()).put("total_tokens", u.totalTokens());
    if (u.reportsCache()) usage.putObject("prompt_tokens_details").put("cached_tokens", u.cachedTokens());
    if (c.message().reasoning() != null) {
      usage.putObject("completion_tokens_details").put("reasoning_tokens", u.reasoningTokens());
    }
  }
}
