package dev.provbench.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One chat completion request: a system and a user message.
 *
 * @param model       the model id.
 * @param system      the system message, or null for none.
 * @param user        the user message.
 * @param temperature sampling temperature.
 * @param maxTokens   {@code max_tokens}.
 * @param stream      stream the reply (SSE).
 * @param streamOptions with {@code stream}: send {@code stream_options.include_usage} to ask for usage in the last
 *                    chunk; false for a provider that rejects the field (its job's {@code stream_options: false}).
 * @param overrides   body fields set after the others, replacing any of the same name ({@code messages} of a chat
 *                    task, its parameters, a model's own); a JSON null removes the field; null for none. Then
 *                    {@code system} and {@code user} only size the request for estimates.
 */
public record ChatRequest(String model, String system, String user, double temperature, int maxTokens, boolean stream,
    boolean streamOptions, ObjectNode overrides) {

  /** A request that asks for usage in the stream when it streams. */
  public ChatRequest(String model, String system, String user, double temperature, int maxTokens, boolean stream) {
    this(model, system, user, temperature, maxTokens, stream, true, null);
  }

  /** A system and a user message with the standard fields only. */
  public ChatRequest(String model, String system, String user, double temperature, int maxTokens, boolean stream,
      boolean streamOptions) {
    this(model, system, user, temperature, maxTokens, stream, streamOptions, null);
  }

  /** The JSON body of {@code POST /chat/completions}. */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode body = f.objectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    if (system != null) messages.addObject().put("role", "system").put("content", system);
    messages.addObject().put("role", "user").put("content", user);
    body.put("temperature", temperature);
    body.put("max_tokens", maxTokens);
    body.put("stream", stream);
    if (stream && streamOptions) body.putObject("stream_options").put("include_usage", true);
    if (overrides != null) {
      overrides.properties().forEach(e -> {
        if (e.getValue().isNull()) body.remove(e.getKey());
        else body.set(e.getKey(), e.getValue().deepCopy());
      });
    }
    return body;
  }
}
