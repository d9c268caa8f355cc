package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.analysis.Experiment;
import dev.provbench.analysis.FidelityAudit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fidelity audit's power and false-positive rate against the audit profile, over many simulator seeds: each
 * audit asks the 25 shipped short prompts 10 times of each deployment (500 calls per comparison: 250 from the
 * reference, 250 from the deployment), composing every reply exactly as the server does (the same request, draws
 * and attempt numbers; no HTTP, no Spark), then runs the fidelity tests of {@code analyze} (MMD, 1,000
 * permutations, Holm over the two deployments). The subtly different deployment has the reference's judge error rate,
 * so its task accuracy is the same. Then the log-probability test from 1-token calls. Figures go to
 * {@code target/bench/audit-power.txt}, {@code target/bench/audit-logprob-power.txt} and docs/BENCHMARKS.md.
 */
@Slow("500 audits of 750 composed replies and 2,000 permutations each: about a minute; then 500 small logprob audits")
class AuditPowerTest {
  static final int AUDITS = Integer.getInteger("audit.audits", 500);
  static final int SAMPLES = Integer.getInteger("audit.samples", 10);
  /** Small logprob audits are cheap (about 3 seconds per 500): more of them pin the false-positive rate down. */
  static final int LOGPROB_AUDITS = Integer.getInteger("audit.logprob.audits", 4000);
  private static final String REFERENCE = "Self-hosted vLLM";
  private static final String IDENTICAL = "Same Weights Cloud";
  private static final String QUANTIZED = "Quantized Cloud";

  @Test
  void flagsTheQuantizedDeploymentAndRarelyTheIdenticalOne() throws Exception {
    SimProfile profile = SimProfile.load(Path.of("data/sim/audit-profile.yaml"));
    List<String> prompts = prompts(Integer.getInteger("audit.prompts", 25));
    int identicalFlagged = 0;
    int quantizedFlagged = 0;
    for (int seed = 1; seed <= AUDITS; seed++) {
      List<FidelityAudit.Completions> deployments = new ArrayList<>();
      for (String provider : List.of(REFERENCE, IDENTICAL, QUANTIZED)) {
        deployments.add(completions(profile, provider, prompts, seed));
      }
      FidelityAudit audit = new FidelityAudit(deployments.get(0).deployment(), deployments);
      for (FidelityAudit.Result r : audit.results(false)) {
        if (!r.differs()) continue;
        if (r.deployment().provider().equals(IDENTICAL)) identicalFlagged++;
        else quantizedFlagged++;
      }
    }
    double power = quantizedFlagged / (double) AUDITS;
    double falsePositives = identicalFlagged / (double) AUDITS;
    String line = String.format(Locale.ROOT, "%d audits of %d prompts x %d samples (%d calls per comparison):"
        + " quantized flagged %.1f%%, identical flagged %.1f%% (Holm-adjusted p <= 0.05)%n", AUDITS, prompts.size(),
        SAMPLES, 2 * prompts.size() * SAMPLES, 100 * power, 100 * falsePositives);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/audit-power.txt"), line);
    System.out.print(line);
    assertTrue(power >= 0.8, line);
    assertTrue(falsePositives <= 0.05, line);
  }

  /**
   * The log-probability test against the same profile at a fraction of the calls: 1-token requests ({@code max_tokens:
   * 1}, {@code logprobs: true, top_logprobs: 5}) of 5 prompts × 2 samples a deployment, 20 calls per comparison; the
   * MMD on the same calls beside it, for contrast.
   */
  @Test
  void theLogprobTestFlagsTheQuantizedDeploymentFromOneTokenCalls() throws Exception {
    SimProfile profile = SimProfile.load(Path.of("data/sim/audit-profile.yaml"));
    List<String> prompts = prompts(Integer.getInteger("audit.logprob.prompts", 5));
    int samples = Integer.getInteger("audit.logprob.samples", 2);
    Map<String, Integer> flagged = new LinkedHashMap<>();
    for (int seed = 1; seed <= LOGPROB_AUDITS; seed++) {
      List<FidelityAudit.Completions> deployments = new ArrayList<>();
      for (String provider : List.of(REFERENCE, IDENTICAL, QUANTIZED)) {
        deployments.add(completions(profile, provider, prompts, seed, samples, 1, 5));
      }
      FidelityAudit audit = new FidelityAudit(deployments.get(0).deployment(), deployments);
      for (FidelityAudit.Result r : audit.results(false)) {
        if (r.differs()) flagged.merge(r.deployment().provider() + " " + r.test().word(), 1, Integer::sum);
      }
    }
    double power = flagged.getOrDefault(QUANTIZED + " logprob", 0) / (double) LOGPROB_AUDITS;
    double falsePositives = flagged.getOrDefault(IDENTICAL + " logprob", 0) / (double) LOGPROB_AUDITS;
    String line = String.format(Locale.ROOT, "%d audits of %d prompts x %d samples of 1 token (%d calls per comparison):"
        + " logprob test: quantized flagged %.1f%%, identical flagged %.1f%%; MMD on the same calls: quantized flagged"
        + " %.1f%%, identical flagged %.1f%% (Holm-adjusted p <= 0.05)%n", LOGPROB_AUDITS, prompts.size(), samples,
        2 * prompts.size() * samples, 100 * power, 100 * falsePositives,
        100.0 * flagged.getOrDefault(QUANTIZED + " mmd", 0) / LOGPROB_AUDITS,
        100.0 * flagged.getOrDefault(IDENTICAL + " mmd", 0) / LOGPROB_AUDITS);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/audit-logprob-power.txt"), line);
    System.out.print(line);
    assertTrue(power >= 0.8, line);
    // A test at level 0.05 rejects an identical deployment 5% of the time at most; measured over N audits, that
    // rate carries a binomial standard error of √(0.05 × 0.95 ÷ N) (0.34 points at 4,000).
    assertTrue(falsePositives <= 0.05 + 2 * Math.sqrt(0.05 * 0.95 / LOGPROB_AUDITS), line);
  }

  /** One deployment's 64-token replies without log-probabilities, {@link #SAMPLES} a prompt. */
  static FidelityAudit.Completions completions(SimProfile profile, String providerName, List<String> prompts, long seed) {
    return completions(profile, providerName, prompts, seed, SAMPLES, 64, 0);
  }

  /**
   * One deployment's replies: the n-th request of a prompt is its n-th attempt, as the server counts them; with
   * {@code topLogprobs} above 0 each asks for log-probabilities and keeps its first position's alternatives.
   */
  static FidelityAudit.Completions completions(SimProfile profile, String providerName, List<String> prompts, long seed,
      int samples, int maxTokens, int topLogprobs) {
    SimProvider provider = profile.provider(providerName).orElseThrow();
    SimModel model = provider.models().get(0);
    Map<String, List<String>> byPrompt = new LinkedHashMap<>();
    Map<String, List<Map<String, Double>>> firstLogprobs = new LinkedHashMap<>();
    AnswerComposer.Serving serving = new AnswerComposer.Serving(model.judgeErrorRate(), 1, 0, 0);
    for (int p = 0; p < prompts.size(); p++) {
      ChatRequest request = new ChatRequest(model.id(), List.of(new ChatRequest.Message("user", prompts.get(p))), false,
          false, maxTokens, 1.0, topLogprobs > 0, topLogprobs);
      List<String> replies = new ArrayList<>();
      List<Map<String, Double>> firsts = new ArrayList<>();
      for (int attempt = 0; attempt < samples; attempt++) {
        RequestDraws draws = RequestDraws.of(seed, provider.name(), model, request.messagesHash(), attempt);
        Completion.Message message = AnswerComposer.compose(request, model, draws, false, serving).message();
        replies.add(message.text());
        if (message.logprobs() != null) {
          Map<String, Double> first = new LinkedHashMap<>();
          message.logprobs().get(0).top().forEach(e -> first.put(e.getKey(), e.getValue()));
          firsts.add(first);
        }
      }
      byPrompt.put("p" + p, replies);
      if (!firsts.isEmpty()) firstLogprobs.put("p" + p, firsts);
    }
    return new FidelityAudit.Completions(new Experiment(provider.name(), model.id(), "405b"), byPrompt, firstLogprobs);
  }

  /** The shipped prompts' text, first {@code count}. */
  static List<String> prompts(int count) throws Exception {
    List<String> lines = Files.readAllLines(Path.of("data/audit/short-prompts.csv"));
    List<String> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) out.add(line.substring(line.indexOf(',') + 1));
    return out.subList(0, Math.min(count, out.size()));
  }
}
