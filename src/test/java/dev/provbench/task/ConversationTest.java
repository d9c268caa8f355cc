package dev.provbench.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.provbench.input.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A conversation's turns as requests: one line per message, "role: content [calls] [answers id]". */
class ConversationTest {
  private static final Conversation C = Conversation.parse("""
      {"turns": [{"user": "Look it up."}, {"tool": ["a", "b"]}, {"user": "Thanks."}]}""", "case 1");
  private static final ConversationReply CALLS = new ConversationReply(null,
      "[{\"name\": \"f\", \"arguments\": \"{}\"}, {\"name\": \"g\", \"arguments\": \"{}\"}]");

  private static List<String> lines(List<ChatMessage> messages) {
    return messages.stream().map(m -> m.role() + ": " + m.content() + (m.toolCalls() == null ? "" : " " + m.toolCalls())
        + (m.toolCallId() == null ? "" : " answers " + m.toolCallId())).toList();
  }

  @Test
  void eachTurnCarriesTheOnesBefore() {
    List<MessageTemplate> opening = List.of(new MessageTemplate("system", "S"));
    assertEquals(List.of("system: S", "user: Look it up."), lines(C.messages(opening, 1, List.of())));
    assertEquals(List.of("system: S", "user: Look it up.",
        "assistant: null [{\"id\":\"call_t1_0\",\"name\":\"f\",\"arguments\":\"{}\"},"
            + "{\"id\":\"call_t1_1\",\"name\":\"g\",\"arguments\":\"{}\"}]",
        "tool: a answers call_t1_0", "tool: b answers call_t1_1"), lines(C.messages(opening, 2, List.of(CALLS))));
    assertEquals("assistant: done", lines(C.messages(opening, 3, List.of(CALLS, new ConversationReply("done", null)))).get(5));
    // Calls that the next turn does not answer go out as text: the API refuses unanswered calls.
    Conversation plain = Conversation.parse("{\"turns\": [{\"user\": \"Judge it.\"}, {\"user\": \"And now?\"}]}", "case 2");
    assertEquals(List.of("user: Judge it.", "assistant: <function=f>{}</function>\n<function=g>{}</function>", "user: And now?"),
        lines(plain.messages(List.of(), 2, List.of(CALLS))));
  }

  @Test
  void aToolTurnNeedsAsManyCallsBeforeIt() {
    assertNull(C.mismatch(2, CALLS));
    assertNull(C.mismatch(3, new ConversationReply("text", null)), "a user turn follows anything");
    assertEquals("turn 2 gives 2 tool results, but the reply to turn 1 called 0 tools",
        C.mismatch(2, new ConversationReply("text", null)));
    assertEquals("case 1: turns[0]: the first turn gives `tool` results, but no reply has called a tool yet. Fix: open the"
        + " conversation with a `user` turn", assertThrows(BadInputException.class,
        () -> Conversation.parse("{\"turns\": [{\"tool\": \"x\"}]}", "case 1")).getMessage());
  }
}
