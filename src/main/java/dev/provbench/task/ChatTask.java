package dev.provbench.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.input.PromptTemplates;
import dev.provbench.score.ScorerSpec;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat task of the user's own: messages rendered from each case, request fields passed through, an extractor and
 * scorers. Holds text only, so it ships to executors; {@link PromptTemplates} compiles the messages once per JVM.
 *
 * @param messages  the messages in order; at least one.
 * @param params    request fields sent as they are ({@code top_p}, {@code stop}, {@code seed},
 *                  {@code response_format}, {@code tools}, {@code tool_choice}, {@code reasoning_effort}, …), as a
 *                  JSON object text; {@code {}} for none.
 * @param extractor how the output is read from the reply.
 * @param scorers   the scorers, in job order; the first that is not NonNull is the primary ({@code correct_score}),
 *                  NonNull itself when it is the only one.
 * @param history   for a multi-turn task ({@code type: conversation}), which earlier replies each turn carries; null
 *                  for a single-turn chat task. Then {@code messages} open every turn's request and each case's
 *                  {@link Conversation} follows them.
 */
public record ChatTask(List<MessageTemplate> messages, String params, ExtractorSpec extractor, List<ScorerSpec> scorers,
    ConversationHistory history) implements Serializable {
  private static final ObjectMapper JSON = new ObjectMapper();

  public ChatTask {
    messages = List.copyOf(messages);
    scorers = List.copyOf(scorers);
  }

  /** A single-turn chat task. */
  public ChatTask(List<MessageTemplate> messages, String params, ExtractorSpec extractor, List<ScorerSpec> scorers) {
    this(messages, params, extractor, scorers, null);
  }

  /** The same task with other scorers. */
  public ChatTask withScorers(List<ScorerSpec> list) {
    return new ChatTask(messages, params, extractor, list, history);
  }

  /** Whether each case is a conversation whose turns are cells of their own. */
  public boolean isConversation() {
    return history != null;
  }

  /**
   * The messages rendered for one case.
   *
   * @param input the case's {@code input} as JSON text: an object's fields are the template's variables; any other
   *              value is {@code {{input}}}.
   * @throws com.samskivert.mustache.MustacheException when a template uses a field the case lacks.
   */
  public List<MessageTemplate> render(String input) {
    Object context = context(input);
    List<MessageTemplate> out = new ArrayList<>();
    for (MessageTemplate m : messages) {
      out.add(new MessageTemplate(m.role(), PromptTemplates.compiled(m.content()).execute(context)));
    }
    return out;
  }

  /** The request fields as JSON. */
  public JsonNode paramsJson() {
    try {
      return JSON.readTree(params);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What the extractor's {@code example} sees: the case's input fields, and {@code expected} (the case's expected value)
   * when the input has no field of that name.
   */
  public static Object exampleContext(String input, String expectedJson) {
    Object context = context(input);
    if (context instanceof Map<?, ?> m && !m.containsKey("expected") && expectedJson != null) {
      Map<String, Object> fields = new LinkedHashMap<>();
      m.forEach((k, v) -> fields.put(String.valueOf(k), v));
      try {
        fields.put("expected", JSON.convertValue(JSON.readTree(expectedJson), Object.class));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return fields;
    }
    return context;
  }

  static Object context(String input) {
    try {
      JsonNode node = input == null ? null : JSON.readTree(input);
      if (node != null && node.isObject()) return JSON.convertValue(node, Map.class);
      Map<String, Object> only = new LinkedHashMap<>();
      only.put("input", node == null ? null : JSON.convertValue(node, Object.class));
      return only;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
