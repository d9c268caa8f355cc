package dev.provbench.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the parts of an OpenAI-style completion (or stream chunk) that providers spell differently: the
 * reasoning text, native tool calls, the response id, usage and log-probabilities. Stateless.
 */
final class CompletionFields {
  private CompletionFields() {}

  /** {@code reasoning_content} (DeepSeek, vLLM) or {@code reasoning} (OpenRouter, Ollama); "" when neither. */
  static String reasoning(JsonNode messageOrDelta) {
    JsonNode r = messageOrDelta.path("reasoning_content");
    if (!r.isTextual() || r.asText().isEmpty()) r = messageOrDelta.path("reasoning");
    return r.isTextual() ? r.asText() : "";
  }

  /** The completion's {@code id}, or null. */
  static String id(JsonNode root) {
    JsonNode id = root.path("id");
    return id.isTextual() && !id.asText().isEmpty() ? id.asText() : null;
  }

  /** {@code message.tool_calls[*].function} of a whole completion; arguments given as an object become its JSON. */
  static List<ToolCall> toolCalls(JsonNode message) {
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode call : message.path("tool_calls")) {
      JsonNode function = call.path("function");
      calls.add(new ToolCall(function.path("name").asText(""), arguments(function.path("arguments"))));
    }
    return calls;
  }

  /**
   * A choice's {@code logprobs.content} positions ({@code token}, {@code logprob}, {@code top_logprobs[]} of
   * {@code {token, logprob}}), in order; null when the choice carries none. The positions end before the first one
   * without a numeric logprob: skipping it would move every later position up one.
   */
  static List<TokenLogprob> logprobs(JsonNode choice) {
    JsonNode content = choice.path("logprobs").path("content");
    if (!content.isArray()) return null;
    List<TokenLogprob> out = new ArrayList<>();
    for (JsonNode position : content) {
      if (!position.path("logprob").isNumber()) break;
      List<TokenLogprob.Alternative> top = new ArrayList<>();
      for (JsonNode alt : position.path("top_logprobs")) {
        if (alt.path("logprob").isNumber()) {
          top.add(new TokenLogprob.Alternative(alt.path("token").asText(""), alt.path("logprob").asDouble()));
        }
      }
      out.add(new TokenLogprob(position.path("token").asText(""), position.path("logprob").asDouble(), top));
    }
    return out;
  }

  static String arguments(JsonNode arguments) {
    if (arguments.isMissingNode() || arguments.isNull()) return "";
    return arguments.isTextual() ? arguments.asText() : arguments.toString();
  }

  /**
   * {@code usage}, or Groq's {@code x_groq.usage} when the top-level one is absent, with the reasoning and cached
   * token details when given; null when the node carries no token count.
   */
  static Usage usage(JsonNode root) {
    JsonNode u = root.path("usage");
    if (!u.isObject()) u = root.path("x_groq").path("usage");
    if (!u.isObject()) return null;
    Long prompt = count(u, "prompt_tokens");
    Long completion = count(u, "completion_tokens");
    if (prompt == null && completion == null) return null;
    return new Usage(prompt, completion, count(u.path("completion_tokens_details"), "reasoning_tokens"),
        count(u.path("prompt_tokens_details"), "cached_tokens"), false);
  }

  private static Long count(JsonNode node, String field) {
    JsonNode n = node.path(field);
    return n.isNumber() ? n.asLong() : null;
  }
}
