package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.input.BadInputException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimProfileTest {
  private static final Path DEMO = Path.of("data/sim/demo-profile.yaml");

  @Test
  void demoProfileHasTheShapeOfTheReferenceRun() {
    SimProfile demo = SimProfile.load(DEMO);
    assertEquals(1.0, demo.timeScale());
    assertEquals(42, demo.seed());
    assertEquals(List.of("Provider 1", "Provider 2", "Provider 3", "Self-hosted vLLM"),
        demo.providers().stream().map(SimProvider::name).toList());
    assertEquals(List.of("/p1", "/p2", "/p3", "/vllm"), demo.providers().stream().map(SimProvider::path).toList());
    assertEquals(10, demo.providers().stream().mapToInt(p -> p.models().size()).sum());
    for (SimProvider p : demo.providers()) {
      for (SimModel m : p.models()) assertEquals(0.0, m.rateHang(), m.id());
    }
  }

  @Test
  void demoProfileMatchesTheWriteUpsSpeedAndAccuracyOrdering() {
    SimProfile demo = SimProfile.load(DEMO);
    double[] p1 = replySeconds(demo, "Provider 1");
    double[] p2 = replySeconds(demo, "Provider 2");
    double[] p3 = replySeconds(demo, "Provider 3");
    for (int size = 0; size < 3; size++) {
      assertEquals(size + 1.0, (p1[size] + p2[size] + p3[size]) / 3, 0.25, "mean reply seconds at size " + size);
    }
    assertTrue(p1[0] < Math.min(p2[0], p3[0]) && p1[1] < Math.min(p2[1], p3[1]), "Provider 1 fastest at 8b and 70b");
    assertTrue(p1[2] > Math.max(p2[2], p3[2]), "Provider 1 slowest at 405b");
  }

  @Test
  void failFastProfileHasItsSlowestProviderRejectMostAtOnce() {
    SimProfile p = SimProfile.load(Path.of("data/sim/fail-fast-profile.yaml"));
    assertEquals(List.of("Provider 1", "Provider 2", "Provider 3"), p.providers().stream().map(SimProvider::name).toList());
    assertTrue(p.timeScale() <= 0.1, "runs fast");
    double[] seconds = p.providers().stream().mapToDouble(pr -> replySeconds(p, pr.name())[0]).toArray();
    assertTrue(seconds[2] > Math.max(seconds[0], seconds[1]), "Provider 3 would be slowest: " + List.of(seconds));
    for (SimProvider pr : p.providers()) {
      SimModel m = pr.models().get(0);
      assertEquals(1, pr.models().size());
      assertEquals(pr.name().equals("Provider 3") ? 0.65 : 0.0, m.rate400(), pr.name());
      assertEquals(0.0, m.rate429() + m.rate5xx() + m.rateHang() + m.rateTruncate() + m.rateMalformed(), "no other faults");
    }
  }

  @Test
  void defaultsFillWhatAModelLeavesOut() {
    SimModel m = SimProfile.parse("providers: [{name: P, path: /p, models: [{id: m}]}]", "inline")
        .providers().get(0).models().get(0);
    assertEquals(SimModel.steady("m", 500, 50), m);
  }

  @Test
  void newFieldsAreReadAndPlainNumbersAreFixedDistributions() {
    SimProfile p = SimProfile.parse("""
        idle_close_ms: 5000
        providers:
          - name: P
            path: /p
            models:
              - {id: m, tool_calls: true, reasoning_ms: 800, usage: false, prefix_cache: true, rate_400: 0.5,
                 ttft_ms: 120}
        """, "inline");
    SimModel m = p.providers().get(0).models().get(0);
    assertEquals(5000, p.idleCloseMs());
    assertEquals(new LogNormal(800, 0), m.reasoningMs());
    assertEquals(new LogNormal(120, 0), m.ttftMs());
    assertTrue(m.toolCalls() && !m.usage() && m.prefixCache() && m.reasons());
    assertEquals(0.5, m.rate400());
  }

  @Test
  void errorsNameTheFileAndTheField() {
    rejects("providers[0].models[0].rate_429: must be between 0 and 1, got 2",
        "providers: [{name: P, path: /p, models: [{id: m, rate_429: 2}]}]");
    rejects("providers[0].models[0].ttft_ms.median: must be a number",
        "providers: [{name: P, path: /p, models: [{id: m, ttft_ms: {median: fast}}]}]");
    rejects("providers[0].models[0].tokens_per_sec: is not a known field (did you mean `tokens_per_s`?)",
        "providers: [{name: P, path: /p, models: [{id: m, tokens_per_sec: 5}]}]");
    rejects("providers[0].models[0]: fault rates add up to",
        "providers: [{name: P, path: /p, models: [{id: m, rate_429: 0.6, rate_5xx: 0.6}]}]");
    rejects("providers[1].path: repeats `/p`",
        "providers: [{name: P, path: /p, models: [{id: m}]}, {name: Q, path: /p, models: [{id: m}]}]");
    rejects("providers[0].path: must look like `/p1`", "providers: [{name: P, path: p1, models: [{id: m}]}]");
    rejects("providers: is missing", "seed: 1");
    rejects("invalid YAML at line", "providers: [");
    rejects("invalid YAML at line 2, column 5: Duplicate field 'seed'. Fix: give `seed` once", "seed: 1\nseed: 2\nproviders: [{name: P, path: /p, models: [{id: m}]}]");
    rejects("providers[0].models[0].tool_calls: must be true or false, got `yes please`",
        "providers: [{name: P, path: /p, models: [{id: m, tool_calls: yes please}]}]");
    rejects("providers[0].models[0].reasoning_ms.sigma: must be between 0 and 5",
        "providers: [{name: P, path: /p, models: [{id: m, reasoning_ms: {median: 100, sigma: 9}}]}]");
    rejects("providers[0].models[0]: fault rates add up to",
        "providers: [{name: P, path: /p, models: [{id: m, rate_400: 0.6, rate_5xx: 0.6}]}]");
    rejects("idle_close_ms: must be at least 0", "idle_close_ms: -1\nproviders: [{name: P, path: /p, models: [{id: m}]}]");
    rejects("idel_close_ms: is not a known field (did you mean `idle_close_ms`?)",
        "idel_close_ms: 5000\nproviders: [{name: P, path: /p, models: [{id: m}]}]");
    rejects("providers[0].models[0].prefill_tokens_per_s: must be",
        "providers: [{name: P, path: /p, models: [{id: m, prefill_tokens_per_s: -5}]}]");
  }

  @Test
  void prefillIsReadAndOffByDefault() {
    SimModel m = SimProfile.parse("providers: [{name: P, path: /p, models: [{id: m, prefill_tokens_per_s: 4000}]}]",
        "inline").providers().get(0).models().get(0);
    assertEquals(4000, m.prefillTokensPerS());
    assertEquals(250, m.prefillMs(1000), 1e-9);
    assertEquals(0, SimModel.steady("m", 500, 50).prefillMs(1000));
    assertEquals(500, m.drifted(2, 0).prefillMs(1000), 1e-9, "a drift slows prefill like every other delay");
  }

  @Test
  void longContextProfileFlipsTheRankingBetweenShortAndLongPrompts() {
    List<SimProvider> providers = SimProfile.load(Path.of("data/sim/long-context-profile.yaml")).providers();
    // The job's median prompts: 325 tokens (short cases) and 3,505 (long cases).
    List<String> shortOrder = byTtft(providers, 325);
    List<String> longOrder = byTtft(providers, 3505);
    assertEquals(List.of("Provider 1", "Provider 3", "Provider 2"), shortOrder);
    assertEquals(List.of("Provider 2", "Provider 3", "Provider 1"), longOrder);
  }

  private static List<String> byTtft(List<SimProvider> providers, int promptTokens) {
    return providers.stream().sorted(Comparator.comparingDouble(
        (SimProvider p) -> p.models().get(0).ttftMs().median() + p.models().get(0).prefillMs(promptTokens)))
        .map(SimProvider::name).toList();
  }

  @Test
  void missingFileIsNamed() {
    BadInputException e = assertThrows(BadInputException.class, () -> SimProfile.load(Path.of("nowhere.yaml")));
    assertTrue(e.getMessage().startsWith("nowhere.yaml: profile file not found"), e.getMessage());
  }

  /** Seconds for a 50-token reply at the median speeds of a provider's 8b, 70b and 405b models. */
  private static double[] replySeconds(SimProfile profile, String provider) {
    return profile.provider(provider).orElseThrow().models().stream()
        .mapToDouble(m -> (m.ttftMs().median() + 50_000 / m.tokensPerS().median()) / 1000).toArray();
  }

  private static void rejects(String expectedStart, String yaml) {
    BadInputException e = assertThrows(BadInputException.class, () -> SimProfile.parse(yaml, "bad.yaml"));
    assertTrue(e.getMessage().startsWith("bad.yaml: " + expectedStart), e.getMessage());
  }
}
