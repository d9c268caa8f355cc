package dev.provbench.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provbench.input.BadInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-turn case: the {@code turns} of its input, in order, each a user message with, optionally, the answer it
 * expects and a recorded assistant reply. Read from the case's input JSON; immutable.
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
   * @param user         what the user says, sent as it is (no template).
   * @param expectedJson the turn's {@code expected} as JSON text (what its scorers compare with), or null.
   * @param assistant    the recorded reply that later turns carry when the history is {@code recorded}, or null.
   * @param json         the turn's object as JSON text: what an LLM judge's template sees as the case's input.
   */
  public record Turn(String user, String expectedJson, String assistant, String json) {}

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
    for (int i = 0; i < turns.size(); i++) {
      JsonNode t = turns.get(i);
      String at = where + ": turns[" + i + "]";
      if (!t.isObject() || !t.path("user").isTextual() || t.path("user").asText().isBlank()) {
        throw new BadInputException(at, "a turn needs a non-empty `user` text", "write each turn as {\"user\": \"...\"}");
      }
      JsonNode expected = t.get("expected");
      JsonNode assistant = t.get("assistant");
      if (assistant != null && !assistant.isTextual()) {
        throw new BadInputException(at, "`assistant` must be text", "give the recorded reply as a string");
      }
      out.add(new Turn(t.get("user").asText(), expected == null || expected.isNull() ? null : expected.toString(),
          assistant == null ? null : assistant.asText(), t.toString()));
    }
    return new Conversation(out);
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
   * The messages of turn {@code turn} (1-based): the task's rendered opening messages, then each earlier turn's user
   * message and reply, then this turn's user message.
   *
   * @param opening the task's messages rendered for the case (a system prompt, say); may be empty.
   * @param replies the earlier turns' replies, in order: at least {@code turn - 1} of them.
   */
  public List<MessageTemplate> messages(List<MessageTemplate> opening, int turn, List<String> replies) {
    List<MessageTemplate> out = new ArrayList<>(opening);
    for (int i = 0; i < turn - 1; i++) {
      out.add(new MessageTemplate("user", turns.get(i).user()));
      out.add(new MessageTemplate("assistant", replies.get(i)));
    }
    out.add(new MessageTemplate("user", turns.get(turn - 1).user()));
    return out;
  }

  /** The turns' recorded replies, in order; null where a turn has none. */
  public List<String> recordedReplies() {
    List<String> out = new ArrayList<>();
    for (Turn t : turns) out.add(t.assistant());
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
