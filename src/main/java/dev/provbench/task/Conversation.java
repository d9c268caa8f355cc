package dev.provbench.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provbench.input.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-turn case: the {@code turns} of its input, in order, each a user message or the results of the tools the
 * previous reply called, with, optionally, the answer it expects and a recorded assistant reply (its text, its tool
 * calls). Read from the case's input JSON; immutable.
 *
 * @param turns at least one.
 */
public record Conversation(List<Turn> turns) {
  /** The input field that holds the turns. */
  public static final String FIELD = "turns";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One turn.
   *
   * @param user         what the user says, sent as it is (no template); null for a turn of tool results.
   * @param toolResults  the results of the previous reply's tool calls, one per call in order ({@code tool}: a text
   *                     or a list of texts), sent as {@code tool} messages; empty for a user turn.
   * @param expectedJson the turn's {@code expected} as JSON text (what its scorers compare with), or null.
   * @param assistant    the recorded reply's text, which later turns carry when the history is {@code recorded}, or null.
   * @param assistantToolCalls the recorded reply's tool calls ({@code assistant_tool_calls}: a list of {@code {name,
   *                     arguments}}) as JSON text, or null.
   * @param json         the turn's object as JSON text: what an LLM judge's template sees as the case's input.
   */
  public record Turn(String user, List<String> toolResults, String expectedJson, String assistant,
      String assistantToolCalls, String json) {
    public Turn {
      toolResults = List.copyOf(toolResults);
    }

    /** The recorded reply, or null when the turn records none. */
    public ConversationReply recorded() {
      return assistant == null && assistantToolCalls == null ? null : new ConversationReply(assistant, assistantToolCalls);
    }
  }

  public Conversation {
    turns = List.copyOf(turns);
  }

  /**
   * The turns of a case's input, e.g. {@code {"turns": [{"user": "Start with 7.", "expected": "7"}, ...]}}.
   *
   * @param where names the case for errors, e.g. {@code chat.jsonl: line 3}.
   * @throws BadInputException naming the case and the turn when a turn has no text.
   */
  public static Conversation parse(String input, String where) {
    JsonNode root = read(input, where);
    JsonNode turns = root.path(FIELD);
    if (!turns.isArray() || turns.isEmpty()) {
      throw new BadInputException(where, "input has no `turns`",
          "give the conversation as \"input\": {\"turns\": [{\"user\": \"...\", \"expected\": \"...\"}, ...]}");
    }
    List<Turn> out = new ArrayList<>();
    for (int i = 0; i < turns.size(); i++) out.add(turn(turns.get(i), where + ": turns[" + i + "]", i));
    return new Conversation(out);
  }

  private static Turn turn(JsonNode t, String at, int index) {
    boolean user = t.path("user").isTextual() && !t.path("user").asText().isBlank();
    JsonNode tool = t.path("tool");
    boolean results = tool.isTextual() || (tool.isArray() && !tool.isEmpty());
    if (!t.isObject() || user == results) {
      throw new BadInputException(at, "a turn needs a non-empty `user` text, or `tool` results instead",
          "write each turn as {\"user\": \"...\"}, or {\"tool\": \"...\"} to answer the previous reply's tool call");
    }
    if (results && index == 0) {
      throw new BadInputException(at, "the first turn gives `tool` results, but no reply has called a tool yet",
          "open the conversation with a `user` turn");
    }
    List<String> toolResults = new ArrayList<>();
    if (tool.isTextual()) toolResults.add(tool.asText());
    for (JsonNode r : tool.isArray() ? tool : JSON.createArrayNode()) {
      if (!r.isTextual()) throw new BadInputException(at, "`tool` results must be texts", "give each result as a string");
      toolResults.add(r.asText());
    }
    JsonNode expected = t.get("expected");
    JsonNode assistant = t.get("assistant");
    if (assistant != null && !assistant.isTextual()) {
      throw new BadInputException(at, "`assistant` must be text", "give the recorded reply as a string");
    }
    JsonNode calls = t.get("assistant_tool_calls");
    if (calls != null && !validCalls(calls)) {
      throw new BadInputException(at, "`assistant_tool_calls` must be a list of {\"name\": ..., \"arguments\": ...}",
          "record each call as {\"name\": \"lookup\", \"arguments\": \"{\\\"q\\\": \\\"...\\\"}\"}");
    }
    return new Turn(user ? t.get("user").asText() : null, toolResults,
        expected == null || expected.isNull() ? null : expected.toString(), assistant == null ? null : assistant.asText(),
        calls == null ? null : calls.toString(), t.toString());
  }

  private static boolean validCalls(JsonNode calls) {
    if (!calls.isArray() || calls.isEmpty()) return false;
    for (JsonNode c : calls) {
      if (!c.path("name").isTextual() || !(c.path("arguments").isTextual() || c.path("arguments").isObject())) return false;
    }
    return true;
  }

  /** The length of a JSON array's text; 0 when it is not one. */
  static int arrayLength(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node.isArray() ? node.size() : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** How many turns a case's input holds; 0 when it holds none (the check reports that case). */
  public static int count(String input) {
    try {
      JsonNode turns = JSON.readTree(input == null ? "null" : input).path(FIELD);
      return turns.isArray() ? turns.size() : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * The messages of turn {@code turn} (1-based): the task's rendered opening messages, then each earlier turn's
   * message (a user message, or a tool result per call of the reply before it) and its reply, then this turn's.
   *
   * @param opening the task's messages rendered for the case (a system prompt, say); may be empty.
   * @param replies the earlier turns' replies, in order: at least {@code turn - 1} of them.
   */
  public List<ChatMessage> messages(List<MessageTemplate> opening, int turn, List<ConversationReply> replies) {
    List<ChatMessage> out = new ArrayList<>();
    opening.forEach(m -> out.add(ChatMessage.of(m)));
    for (int i = 0; i < turn - 1; i++) {
      out.addAll(said(i));
      ConversationReply r = replies.get(i);
      // Tool calls go out as calls only when the next turn answers them: calls left unanswered are refused by the API.
      boolean answered = !turns.get(i + 1).toolResults().isEmpty();
      out.add(answered ? new ChatMessage("assistant", r.content(), withIds(r.toolCalls(), i + 1), null)
          : new ChatMessage("assistant", r.content() != null ? r.content() : asText(r.toolCalls()), null, null));
    }
    out.addAll(said(turn - 1));
    return out;
  }

  /** Stored tool calls as text, {@code <function=NAME>ARGS</function>} a line each (the text tool format); "" for none. */
  private static String asText(String toolCalls) {
    if (toolCalls == null) return "";
    try {
      StringBuilder text = new StringBuilder();
      for (JsonNode c : JSON.readTree(toolCalls)) {
        JsonNode args = c.path("arguments");
        if (!text.isEmpty()) text.append('\n');
        text.append(ToolCallParser.text(c.path("name").asText(), args.isTextual() ? args.asText() : args.toString()));
      }
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stored tool calls with the ids the reply to turn {@code turn} gives them ({@link ChatMessage#toolCallId}). */
  private static String withIds(String toolCalls, int turn) {
    if (toolCalls == null) return null;
    try {
      ArrayNode out = JSON.createArrayNode();
      JsonNode calls = JSON.readTree(toolCalls);
      for (int k = 0; k < calls.size(); k++) {
        JsonNode args = calls.get(k).path("arguments");
        out.addObject().put("id", ChatMessage.toolCallId(turn, k)).put("name", calls.get(k).path("name").asText())
            .put("arguments", args.isTextual() ? args.asText() : args.toString());
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What turn {@code index} (0-based) says: its user message, or a tool message per result of the reply before. */
  private List<ChatMessage> said(int index) {
    Turn t = turns.get(index);
    if (t.user() != null) return List.of(new ChatMessage("user", t.user(), null, null));
    List<ChatMessage> out = new ArrayList<>();
    for (int k = 0; k < t.toolResults().size(); k++) {
      out.add(new ChatMessage("tool", t.toolResults().get(k), null, ChatMessage.toolCallId(index, k)));
    }
    return out;
  }

  /**
   * Why turn {@code turn} (1-based) cannot follow {@code before}, the reply to the turn before it, or null when it can:
   * a turn of tool results needs a reply that called as many tools.
   */
  public String mismatch(int turn, ConversationReply before) {
    Turn t = turns.get(turn - 1);
    if (t.toolResults().isEmpty()) return null;
    int calls = before == null ? 0 : before.toolCallCount();
    if (calls == t.toolResults().size()) return null;
    return "turn " + turn + " gives " + t.toolResults().size() + " tool result" + (t.toolResults().size() == 1 ? "" : "s")
        + ", but the reply to turn " + (turn - 1) + " called " + calls + " tool" + (calls == 1 ? "" : "s");
  }

  /** The turns' recorded replies, in order; null where a turn has none. */
  public List<ConversationReply> recordedReplies() {
    List<ConversationReply> out = new ArrayList<>();
    for (Turn t : turns) out.add(t.recorded());
    return out;
  }

  private static JsonNode read(String input, String where) {
    try {
      JsonNode node = JSON.readTree(input == null ? "null" : input);
      return node instanceof ObjectNode ? node : JSON.createObjectNode();
    } catch (IOException e) {
      throw new BadInputException(where, "input is not JSON: " + e.getMessage(), "give the input as a JSON object");
    }
  }
}
