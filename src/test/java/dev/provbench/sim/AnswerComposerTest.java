package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The answer a request gets, composed without a server: what it says and how it is carried, then what its usage
 * counts and how long it takes. The draws are given, so every case is exact.
 */
class AnswerComposerTest {
  private static final String JUDGE = FactualityPrompts.render("Who?", "Gus", "Gus");
  private static final String RETRIEVAL = "Port Velden\nThe harbour master of Port Velden is Ilsa Marrow.\n\n"
      + "Question: What is the harbour master of Port Velden?";
  private static final Serving AT_REST = new Serving(0, 1, 0, 1_700_000_000L);

  private record Serving(double judgeErrorRate, double slowdown, int cachedTokens, long createdS) {
    AnswerComposer.Serving of() {
      return new AnswerComposer.Serving(judgeErrorRate, slowdown, cachedTokens, createdS);
    }
  }

  /**
   * One line per case: the model's settings (YAML), the prompt, {@code max_tokens}, whether malformed and the flavour draw;
   * then how the answer is carried, why it finished and what a reader gets from it (the judge's letter, the retrieval
   * answer, or null when it does not parse).
   */
  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of("", JUDGE, 0, false, 0.5, ReplyMode.CONTENT, "stop", "C"),
        Arguments.of("tool_calls: true", JUDGE, 0, false, 0.5, ReplyMode.TOOL_CALLS, "tool_calls", "C"),
        Arguments.of("", JUDGE, 0, true, 0.1, ReplyMode.CONTENT, "stop", null),
        Arguments.of("", JUDGE, 0, true, 0.9, ReplyMode.CONTENT, "stop", null),
        Arguments.of("tool_calls: true", JUDGE, 0, true, 0.9, ReplyMode.TOOL_CALLS, "tool_calls", null),
        Arguments.of("tool_calls: true", JUDGE, 0, true, 0.1, ReplyMode.CONTENT, "stop", null),
        Arguments.of("", JUDGE, 5, false, 0.5, ReplyMode.CONTENT, "length", null),
        Arguments.of("tool_calls: true", RETRIEVAL, 0, false, 0.5, ReplyMode.CONTENT, "stop", "Answer: Ilsa Marrow"),
        Arguments.of("", RETRIEVAL, 0, true, 0.5, ReplyMode.CONTENT, "stop", null));
  }

  @ParameterizedTest
  @MethodSource("answers")
  void saysWhatTheRequestAndItsDrawsCallFor(String settings, String prompt, int maxTokens, boolean malformed,
      double flavour, ReplyMode mode, String finishReason, String reads) {
    Completion c = AnswerComposer.compose(request(prompt, maxTokens), model(settings), draws(flavour, 0), malformed,
        AT_REST.of());
    assertEquals(mode, c.message().mode());
    assertEquals(finishReason, c.message().finishReason());
    assertEquals(reads, reads(c));
    if (maxTokens > 0) assertEquals(maxTokens * 4, c.message().text().length(), "cut to max_tokens");
  }

  @Test
  void headsTheReplyWithTheDrawnIdAndTheRequestedModel() {
    Completion c = AnswerComposer.compose(request(JUDGE, 0), model(""), draws(0.5, 0), false, AT_REST.of());
    assertEquals(new Completion.Head("chatcmpl-ff", 1_700_000_000L, "m"), c.head());
    assertEquals("call_ff", c.message().toolCallId());
    assertNull(c.message().reasoning());
  }

  @Test
  void countsTokensAndPacesTheReply() {
    // 400 prompt characters = 100 tokens, 40 of them cached; prefill 60 uncached tokens at 600/s = 100 ms.
    ChatRequest request = request("x".repeat(400), 0);
    SimModel model = model("prefix_cache: true, prefill_tokens_per_s: 600, reasoning_ms: {median: 1}");
    Completion c = AnswerComposer.compose(request, model, draws(0.5, 500), false, new Serving(0, 2, 40, 0).of());
    int answer = TokenCount.of(c.message().text());
    // 500 ms of reasoning at 50 tokens/s: 25 tokens, 4 characters each.
    assertEquals(new Completion.Usage(true, true, 100, 40, answer, 25), c.usage());
    assertEquals(100, c.message().reasoning().length());
    // Doubled by the batch: (200 drawn + 100 prefill) × 2, 500 × 2, answer tokens at 50/s × 2.
    assertEquals(new Completion.Pace(600, 1000, answer * 1000.0 / 50 * 2), c.pace());
  }

  /** The judge's letter, the retrieval answer, or null when neither parses. */
  private static String reads(Completion c) {
    String text = c.message().text();
    if (c.message().mode() == ReplyMode.TOOL_CALLS) {
      try {
        return new ObjectMapper().readTree(text).path("choice").asText(null);
      } catch (Exception e) {
        return null;
      }
    }
    return text.startsWith("Answer: ") ? text : ToolCallReplyTest.choice(text);
  }

  private static ChatRequest request(String user, int maxTokens) {
    return new ChatRequest("m", List.of(new ChatRequest.Message("user", user)), false, false, maxTokens);
  }

  /** Model {@code m} with the profile's settings, given as YAML flow entries. */
  private static SimModel model(String settings) {
    String yaml = "providers:\n  - name: P\n    path: /p\n    models:\n      - {id: m"
        + (settings.isEmpty() ? "" : ", " + settings) + "}\n";
    return SimProfile.parse(yaml, "inline").providers().get(0).model("m").orElseThrow();
  }

  /** Seed 255, 200 ms to first token, 50 tokens/s, the judge never errs, {@code reasoningMs} of reasoning. */
  private static RequestDraws draws(double flavour, double reasoningMs) {
    return new RequestDraws(255, 0.5, 200, 50, 0.99, 0.5, flavour, reasoningMs);
  }
}
