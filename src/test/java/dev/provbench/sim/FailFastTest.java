package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code rate_400}: an immediate 400 for a share of requests, chosen by what the request is. */
class FailFastTest {
  private static final String PROFILE = """
      providers:
        - name: Strict
          path: /strict
          models:
            - {id: always-400, rate_400: 1.0, ttft_ms: 5000}
            - {id: half-400, rate_400: 0.5, ttft_ms: 0, tokens_per_s: 100000}
      """;

  @ParameterizedTest(name = "stream {0}")
  @ValueSource(booleans = {false, true})
  void rejectedAtOnceWithAnInvalidRequestError(boolean stream) throws Exception {
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "inline"), 0)) {
      try (Response r = SimCalls.post(sim.baseUrl("Strict") + "/chat/completions",
          SimCalls.chat("always-400", "hello", stream, stream).toString())) {
        assertEquals(400, r.code());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        JsonNode error = SimCalls.JSON.readTree(r.body().string()).path("error");
        assertEquals("invalid_request_error", error.path("type").asText());
        assertEquals("invalid_request", error.path("code").asText());
      }
      assertTrue(sim.awaitIdle(5_000));
      assertEquals(1, sim.requestLog().size());
      RequestRecord r = sim.requestLog().get(0);
      assertEquals(Outcome.REJECTED, r.outcome());
      assertTrue(r.serviceMs() < 2_500, "answered without the 5 s first-token delay: " + r.serviceMs());
      assertEquals(null, r.responseId());
    }
  }

  @Test
  void theShareRejectedDependsOnTheRequestNotOnTiming() throws Exception {
    List<Integer> first = statuses(42);
    long rejected = first.stream().filter(s -> s == 400).count();
    assertTrue(rejected >= 12 && rejected <= 28, rejected + " of 40 rejected at rate 0.5");
    assertTrue(first.stream().allMatch(s -> s == 400 || s == 200), first.toString());
    assertEquals(first, statuses(42), "the same seed rejects the same requests");
  }

  @Test
  void theFailFastProfileRejectsMostOfProvider3Only() throws Exception {
    SimProfile profile = SimProfile.load(Path.of("data/sim/fail-fast-profile.yaml")).withTimeScale(0);
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      for (SimProvider p : profile.providers()) {
        int rejected = 0;
        for (int i = 0; i < 40; i++) {
          String body = SimCalls.chat(p.models().get(0).id(), FactualityPrompts.render("Q" + i + "?", "a", "a"), false, false)
              .toString();
          try (Response r = SimCalls.post(sim.baseUrl(p.name()) + "/chat/completions", body)) {
            r.body().string();
            if (r.code() == 400) rejected++;
            else assertEquals(200, r.code());
          }
        }
        if (p.name().equals("Provider 3")) assertTrue(rejected >= 18 && rejected <= 34, rejected + " of 40");
        else assertEquals(0, rejected, p.name());
      }
    }
  }

  private static List<Integer> statuses(long seed) throws Exception {
    List<Integer> out = new ArrayList<>();
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "inline"), 0, seed)) {
      for (int i = 0; i < 40; i++) {
        try (Response r = SimCalls.post(sim.baseUrl("Strict") + "/chat/completions",
            SimCalls.chat("half-400", "case " + i, false, false).toString())) {
          r.body().string();
          out.add(r.code());
        }
      }
    }
    return out;
  }
}
