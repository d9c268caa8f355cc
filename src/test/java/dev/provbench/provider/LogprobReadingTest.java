package dev.provbench.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.job.RateLimit;
import dev.provbench.job.Timeouts;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Log-probabilities asked ({@code logprobs}, {@code top_logprobs}) and read back, from a whole completion's
 * {@code choices[0].logprobs.content} and from every streamed chunk's, joined in order; a reply without them reads as
 * null. Each case: enqueue → send → takeRequest, asserting what was sent and what came back.
 */
class LogprobReadingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LIGHT = "{\"token\":\"light\",\"logprob\":-0.25,\"top_logprobs\":[{\"token\":\"light\","
      + "\"logprob\":-0.25},{\"token\":\"lamp\",\"logprob\":-1.75}]}";
  private static final String HOUSE = "{\"token\":\" house\",\"logprob\":-0.5,\"top_logprobs\":[{\"token\":\" house\","
      + "\"logprob\":-0.5},{\"token\":\" tower\",\"logprob\":-1.0}]}";
  private static final List<TokenLogprob> EXPECTED = List.of(
      new TokenLogprob("light", -0.25, List.of(alt("light", -0.25), alt("lamp", -1.75))),
      new TokenLogprob(" house", -0.5, List.of(alt(" house", -0.5), alt(" tower", -1.0))));

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private Reply send(boolean stream, String contentType, String body) throws Exception {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", contentType).body(body).build());
    ModelSpec model = new ModelSpec("m", "8b", null, null, 1, null);
    ProviderSpec p = new ProviderSpec("P", server.url("/v1").toString().replaceAll("/$", ""), null, Map.of(),
        List.of(model), RateLimit.NONE);
    ObjectNode asked = JSON.createObjectNode().put("logprobs", true).put("top_logprobs", 2);
    AttemptResult r = new ChatCompletionClient(p, model, Timeouts.DEFAULTS, null)
        .send(new ChatRequest("m", null, "Describe a lighthouse.", 1, 2, stream, true, asked));
    JsonNode sent = JSON.readTree(server.takeRequest().getBody().utf8());
    assertTrue(sent.get("logprobs").asBoolean(), sent.toString());
    assertEquals(2, sent.get("top_logprobs").asInt(), sent.toString());
    assertTrue(r.ok(), r.error());
    return r.reply();
  }

  private static TokenLogprob.Alternative alt(String token, double logprob) {
    return new TokenLogprob.Alternative(token, logprob);
  }

  private static String chunk(String content, String logprobs) {
    return "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"logprobs\":"
        + logprobs + "}]}\n\n";
  }

  @Test
  void aWholeCompletionsLogprobs() throws Exception {
    Reply r = send(false, "application/json", "{\"id\":\"w\",\"choices\":[{\"message\":{\"content\":\"light house\"},"
        + "\"logprobs\":{\"content\":[" + LIGHT + "," + HOUSE + "]}}]}");
    assertEquals("light house", r.content());
    assertEquals(EXPECTED, r.logprobs());
  }

  @Test
  void streamedChunksLogprobsJoinInOrder() throws Exception {
    Reply r = send(true, "text/event-stream", "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":"
        + "\"assistant\",\"content\":\"\"},\"logprobs\":null}]}\n\n" + chunk("light", "{\"content\":[" + LIGHT + "]}")
        + chunk(" house", "{\"content\":[" + HOUSE + "]}") + "data: [DONE]\n\n");
    assertEquals("light house", r.content());
    assertEquals(EXPECTED, r.logprobs());
  }

  @Test
  void aReplyWithoutLogprobsReadsAsNull() throws Exception {
    assertNull(send(false, "application/json", "{\"choices\":[{\"message\":{\"content\":\"C\"},\"logprobs\":null}]}")
        .logprobs());
    assertNull(send(true, "text/event-stream", chunk("C", "null") + "data: [DONE]\n\n").logprobs());
  }
}
