package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ToolCallReplyTest {
  /** The reference task's reply pattern, made tolerant of newlines. */
  private static final Pattern CALL = Pattern.compile("(?s)<function=(\\w+)>(.*?)(?:</function>|$)");
  private static final FactualityJudge.Verdict VERDICT = new FactualityJudge.Verdict("B", "Adds \"quoted\" detail.");

  @Test
  void wellFormedReplyIsOneLineAndParses() {
    String reply = ToolCallReply.wellFormed(VERDICT);
    assertFalse(reply.contains("\n"));
    assertEquals("B", choice(reply));
  }

  @Test
  void malformedRepliesDoNotParse() {
    assertNull(choice(ToolCallReply.malformed(VERDICT, 0.1)));   // no <function= tag
    assertNull(choice(ToolCallReply.malformed(VERDICT, 0.9)));   // JSON cut short
  }

  /** The choice as the task would read it, or null when nothing parses. */
  static String choice(String reply) {
    Matcher m = CALL.matcher(reply);
    if (!m.find()) return null;
    try {
      JsonNode args = new ObjectMapper().readTree(m.group(2));
      return args.path("choice").asText(null);
    } catch (Exception e) {
      return null;
    }
  }
}
