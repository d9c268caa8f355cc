package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Log-probabilities of sampled text, asked with {@code logprobs} and {@code top_logprobs}: in both reply modes one
 * position per word with its likeliest alternatives, under the deployment's own weights; an identical deployment's
 * differ from the reference's by the per-request jitter alone, the quantized one's by more; the same request replays.
 */
class SampledLogprobsTest {
  private static final String PROMPT = "Describe a lighthouse in one sentence.";
  private static final SimProfile AUDIT = SimProfile.load(Path.of("data/sim/audit-profile.yaml"));
  private static final AnswerComposer.Serving AT_REST = new AnswerComposer.Serving(0, 1, 0, 0);
  private static SimulatedProviders sim;

  @BeforeAll
  static void start() {
    sim = SimulatedProviders.start(AUDIT, 0);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static ObjectNode body(boolean stream, boolean logprobs, int maxTokens) {
    ObjectNode body = SimCalls.JSON.createObjectNode().put("model", "llama-3.1-405b-instruct").put("temperature", 1)
        .put("max_tokens", maxTokens).put("stream", stream);
    body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
    if (logprobs) body.put("logprobs", true).put("top_logprobs", 5);
    return body;
  }

  @Test
  void aWholeReplyCarriesOnePositionPerWord() {
    JsonNode choice = SimCalls.complete(sim.baseUrl("Same Weights Cloud"), body(false, true, 64)).path("choices").path(0);
    checkPositions(choice.path("message").path("content").asText(), choice.path("logprobs").path("content"));
    JsonNode none = SimCalls.complete(sim.baseUrl("Same Weights Cloud"), body(false, false, 64)).path("choices").path(0);
    assertFalse(none.has("logprobs"), "not asked, not sent: " + none);
  }

  @Test
  void streamedDeltasCarryThePositionsTheyStart() {
    StringBuilder content = new StringBuilder();
    List<JsonNode> positions = new ArrayList<>();
    for (JsonNode chunk : SimCalls.chunks(sim.baseUrl("Same Weights Cloud"), body(true, true, 64))) {
      String text = SimCalls.delta(chunk).path("content").asText("");
      content.append(text);
      chunk.path("choices").path(0).path("logprobs").path("content").forEach(positions::add);
      if (!text.isEmpty() && !text.equals(".")) assertTrue(chunk.path("choices").path(0).path("logprobs").path("content").size() >= 1, text);
    }
    checkPositions(content.toString(), SimCalls.JSON.valueToTree(positions));
  }

  @Test
  void aOneTokenReplyCarriesItsOnePosition() {
    JsonNode choice = SimCalls.complete(sim.baseUrl("Same Weights Cloud"), body(false, true, 1)).path("choices").path(0);
    assertEquals(1, choice.path("logprobs").path("content").size(), choice.toString());
    assertEquals("length", choice.path("finish_reason").asText());
  }

  @Test
  void identicalWeightsDifferByTheJitterAndAShiftByMore() {
    Map<String, Double> reference = firstPosition("Self-hosted vLLM", 1);
    assertEquals(reference, firstPosition("Self-hosted vLLM", 1), "the same request replays");
    assertNotEquals(reference, firstPosition("Self-hosted vLLM", 2), "another request jitters");
    assertTrue(largestGap(reference, firstPosition("Same Weights Cloud", 1)) < 0.1,
        "identical: " + reference + " vs " + firstPosition("Same Weights Cloud", 1));
    assertTrue(largestGap(reference, firstPosition("Quantized Cloud", 1)) > 0.3,
        "quantized: " + reference + " vs " + firstPosition("Quantized Cloud", 1));
  }

  /** Words and positions agree: tokens join to the text less its period, each with five sorted alternatives. */
  private static void checkPositions(String content, JsonNode positions) {
    StringBuilder joined = new StringBuilder();
    for (JsonNode p : positions) {
      joined.append(p.path("token").asText());
      JsonNode top = p.path("top_logprobs");
      assertEquals(5, top.size(), p.toString());
      for (int i = 1; i < top.size(); i++) assertTrue(top.get(i - 1).path("logprob").asDouble() >= top.get(i).path("logprob").asDouble());
      assertTrue(p.path("logprob").asDouble() <= top.get(0).path("logprob").asDouble() + 1e-12, p.toString());
      double mass = 0;
      for (JsonNode alt : top) mass += Math.exp(alt.path("logprob").asDouble());
      assertTrue(mass <= 1 + 1e-9, "a distribution's top five hold at most all of it: " + mass);
    }
    assertEquals(content.replaceFirst("\\.$", ""), joined.toString());
  }

  /** The first position's alternatives of one composed reply: token to log-probability. */
  private static Map<String, Double> firstPosition(String provider, int attempt) {
    SimModel model = AUDIT.provider(provider).orElseThrow().models().get(0);
    ChatRequest request = new ChatRequest(model.id(), List.of(new ChatRequest.Message("user", PROMPT)), false, false,
        1, 1.0, true, 5);
    RequestDraws draws = RequestDraws.of(42, provider, model, request.messagesHash(), attempt);
    Completion.TokenLogprob first = AnswerComposer.compose(request, model, draws, false, AT_REST).message().logprobs().get(0);
    Map<String, Double> out = new TreeMap<>();
    first.top().forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The largest difference over the tokens both list (a token one of them lacks counts as a gap of 1). */
  private static double largestGap(Map<String, Double> a, Map<String, Double> b) {
    double gap = 0;
    for (String token : a.keySet()) gap = Math.max(gap, b.containsKey(token) ? Math.abs(a.get(token) - b.get(token)) : 1);
    return gap;
  }
}
