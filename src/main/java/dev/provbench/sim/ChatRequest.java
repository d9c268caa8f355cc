package dev.provbench.sim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an OpenAI chat completion request the simulator uses. Immutable.
 *
 * @param model        the requested model id.
 * @param messages     the conversation, content flattened to text.
 * @param stream       whether to answer as server-sent events.
 * @param includeUsage {@code stream_options.include_usage}: send a usage chunk before {@code [DONE]}.
 * @param maxTokens    {@code max_tokens} (or {@code max_completion_tokens}); 0 when absent.
 * @param temperature  {@code temperature}; 1 when absent, as OpenAI's API defaults it. Only sampled text reads it.
 * @param logprobs     {@code logprobs}: return the sampled text's token log-probabilities; false when absent.
 * @param topLogprobs  {@code top_logprobs}: alternatives per position, 0 when absent (then only the chosen token's).
 * @param minTokens    the answer's least length in tokens: vLLM's {@code min_tokens}, or {@code max_tokens} when
 *                     {@code ignore_eos} is true (generation runs to the limit); 0 when neither is given.
 */
record ChatRequest(String model, List<Message> messages, boolean stream, boolean includeUsage, int maxTokens,
    double temperature, boolean logprobs, int topLogprobs, int minTokens) {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Message(String role, String content) {}

  /** A body that is not a chat completion request; answered with 400. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  ChatRequest {
    messages = List.copyOf(messages);
  }

  ChatRequest(String model, List<Message> messages, boolean stream, boolean includeUsage, int maxTokens) {
    this(model, messages, stream, includeUsage, maxTokens, 1.0);
  }

  /** A request that asks for no log-probabilities. */
  ChatRequest(String model, List<Message> messages, boolean stream, boolean includeUsage, int maxTokens,
      double temperature) {
    this(model, messages, stream, includeUsage, maxTokens, temperature, false, 0, 0);
  }

  /** A request without a least answer length. */
  ChatRequest(String model, List<Message> messages, boolean stream, boolean includeUsage, int maxTokens,
      double temperature, boolean logprobs, int topLogprobs) {
    this(model, messages, stream, includeUsage, maxTokens, temperature, logprobs, topLogprobs, 0);
  }

  static ChatRequest parse(byte[] body) throws Invalid {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new Invalid("We could not parse the JSON body of your request: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new Invalid("We could not read the body of your request: " + e.getMessage());
    }
    if (root == null || !root.isObject()) throw new Invalid("The request body must be a JSON object.");
    JsonNode model = root.path("model");
    if (!model.isTextual() || model.asText().isBlank()) throw new Invalid("You must provide a model parameter.");
    JsonNode messages = root.path("messages");
    if (!messages.isArray() || messages.isEmpty()) throw new Invalid("'messages' must be a non-empty array.");
    List<Message> out = new ArrayList<>();
    for (JsonNode m : messages) out.add(new Message(m.path("role").asText(""), content(m.path("content"))));
    int maxTokens = Math.max(0, root.path("max_tokens").asInt(root.path("max_completion_tokens").asInt(0)));
    int minTokens = Math.max(0, root.path("min_tokens").asInt(0));
    if (root.path("ignore_eos").asBoolean(false)) minTokens = Math.max(minTokens, maxTokens);
    if (maxTokens > 0) minTokens = Math.min(minTokens, maxTokens);
    return new ChatRequest(model.asText(), out, root.path("stream").asBoolean(false),
        root.path("stream_options").path("include_usage").asBoolean(false), maxTokens,
        root.path("temperature").asDouble(1.0), root.path("logprobs").asBoolean(false),
        Math.max(0, root.path("top_logprobs").asInt(0)), minTokens);
  }

  /** Text content, or the text parts of a content array. */
  private static String content(JsonNode content) throws Invalid {
    if (content.isTextual() || content.isMissingNode() || content.isNull()) return content.asText("");
    if (!content.isArray()) throw new Invalid("A message's 'content' must be a string or an array of parts.");
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) text.append(part.path("text").asText(""));
    return text.toString();
  }

  /** The last user message: the prompt the judge reads. */
  String lastUserContent() {
    for (int i = messages.size() - 1; i >= 0; i--) if (messages.get(i).role().equals("user")) return messages.get(i).content();
    return "";
  }

  /** ceil(characters / 4) over every message's content. */
  int promptTokens() {
    return promptTokens(messages.size());
  }

  /** ceil(characters / 4) over the content of the first {@code count} messages. */
  int promptTokens(int count) {
    long chars = messages.subList(0, count).stream().mapToLong(m -> m.content().length()).sum();
    return TokenCount.of(chars);
  }

  /** Every message's content in order, joined without separators: the text whose tokens the prefix cache blocks. */
  String promptText() {
    StringBuilder out = new StringBuilder();
    for (Message m : messages) out.append(m.content());
    return out.toString();
  }

  /** A stable 64-bit hash of roles and contents: the request's identity for seeding. */
  long messagesHash() {
    long[] prefixes = prefixHashes();
    return prefixes[prefixes.length - 1];
  }

  /** Element k: the stable 64-bit hash of the first k + 1 messages' roles and contents. */
  long[] prefixHashes() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long[] out = new long[messages.size()];
      for (int i = 0; i < out.length; i++) {
        Message m = messages.get(i);
        sha.update(m.role().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(m.content().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        out[i] = ByteBuffer.wrap(((MessageDigest) sha.clone()).digest()).getLong();
      }
      return out;
    } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
      throw new IllegalStateException("every JDK has a cloneable SHA-256", e);
    }
  }
}
