package dev.provbench.analysis;

import dev.provbench.stats.HammingKernel;
import dev.provbench.stats.Holm;
import dev.provbench.stats.MmdPower;
import dev.provbench.stats.MmdResult;
import dev.provbench.stats.MmdTest;
import dev.provbench.stats.PromptSamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fidelity audit's completions and its tests, without Spark: each deployment's completions against the reference's
 * on the prompts both answered, by {@link MmdTest} (1,000 permutations, seeded), Holm-adjusted over the deployments;
 * with the power each test had at the difference it saw ({@link MmdPower#atObserved}) and the word change the audit's
 * size could detect, planted in the reference's own completions ({@link MmdPower#detectableWordChange}). Immutable.
 *
 * @param reference   the reference deployment.
 * @param deployments every deployment of the audit, the reference included, with its completions by prompt.
 */
public record FidelityAudit(Experiment reference, List<Completions> deployments) {
  /** The test's name in the table. */
  public static final String TEST = "MMD, Hamming kernel, first 100 characters";
  public static final double ALPHA = 0.05;
  static final long SEED = 20250424L;
  static final int POWER_REPLICATES = 100;
  static final int PLANNING_REPLICATES = 60;

  /**
   * One deployment's completions.
   *
   * @param deployment the provider × model.
   * @param byPrompt   per prompt (case id), the completions it gave, in sample order.
   */
  public record Completions(Experiment deployment, Map<String, List<String>> byPrompt) {
    public Completions {
      byPrompt = new TreeMap<>(byPrompt);
    }
  }

  /**
   * One deployment tested against the reference.
   *
   * @param deployment   the audited deployment.
   * @param test         the MMD test.
   * @param samples      completions per prompt asked (the most any shared prompt has on the deployment's side).
   * @param adjustedP    Holm-adjusted over the audit's deployments.
   * @param power        the share of resampled audits of the same size that reject at {@link #ALPHA}, at the
   *                     difference observed.
   */
  public record Result(Experiment deployment, MmdResult test, int samples, double adjustedP, double power) {
    public boolean differs() {
      return adjustedP <= ALPHA;
    }
  }

  public FidelityAudit {
    deployments = List.copyOf(deployments);
  }

  /** Every deployment's test, with the power it had. */
  public List<Result> results() {
    return results(true);
  }

  /** Every deployment's test; without {@code power} its power is NaN (what a measurement over many audits needs). */
  public List<Result> results(boolean power) {
    Completions ref = completionsOf(reference);
    List<Completions> audited = deployments.stream().filter(d -> !d.deployment().equals(reference)).toList();
    List<MmdResult> tests = new ArrayList<>();
    List<List<PromptSamples>> data = new ArrayList<>();
    for (Completions d : audited) {
      List<PromptSamples> pairs = pairs(ref, d);
      data.add(pairs);
      tests.add(MmdTest.run(pairs, HammingKernel.FIRST_100_CHARACTERS, MmdTest.PERMUTATIONS, SEED));
    }
    double[] adjusted = Holm.adjust(tests.stream().mapToDouble(MmdResult::p).toArray());
    List<Result> out = new ArrayList<>();
    for (int i = 0; i < audited.size(); i++) {
      MmdResult t = tests.get(i);
      int samples = data.get(i).stream().mapToInt(p -> p.candidate().size()).max().orElse(0);
      double had = power ? MmdPower.atObserved(data.get(i), HammingKernel.FIRST_100_CHARACTERS, t.prompts(), samples,
          POWER_REPLICATES, ALPHA, SEED + i) : Double.NaN;
      out.add(new Result(audited.get(i).deployment(), t, samples, adjusted[i], had));
    }
    return out;
  }

  /**
   * The smallest share of words changed that an audit of {@code prompts} × {@code samples} detects with 80% power,
   * planted in the reference's own completions (halves of them, so at most half its samples a side); NaN if none is.
   */
  public double detectableWordChange(int prompts, int samples) {
    List<List<String>> own = List.copyOf(completionsOf(reference).byPrompt().values());
    return MmdPower.detectableWordChange(own, HammingKernel.FIRST_100_CHARACTERS, prompts, samples,
        PLANNING_REPLICATES, ALPHA, SEED);
  }

  /** The power against a share {@code rate} of words changed at {@code prompts} × {@code samples} a side. */
  public double wordChangePower(double rate, int prompts, int samples) {
    List<List<String>> own = List.copyOf(completionsOf(reference).byPrompt().values());
    return MmdPower.wordChange(own, rate, HammingKernel.FIRST_100_CHARACTERS, prompts, samples, PLANNING_REPLICATES,
        ALPHA, SEED);
  }

  /** The reference's completions per prompt: the most it has of any prompt. */
  public int referenceSamples() {
    return completionsOf(reference).byPrompt().values().stream().mapToInt(List::size).max().orElse(0);
  }

  public int referencePrompts() {
    return completionsOf(reference).byPrompt().size();
  }

  private Completions completionsOf(Experiment e) {
    return deployments.stream().filter(d -> d.deployment().equals(e)).findFirst()
        .orElse(new Completions(e, Map.of()));
  }

  private static List<PromptSamples> pairs(Completions reference, Completions candidate) {
    List<PromptSamples> out = new ArrayList<>();
    reference.byPrompt().forEach((prompt, refs) -> {
      List<String> theirs = candidate.byPrompt().get(prompt);
      // Sorted: the same completions give the same p, whatever order the requests arrived in.
      if (theirs != null) out.add(new PromptSamples(prompt, refs.stream().sorted().toList(), theirs.stream().sorted().toList()));
    });
    return out;
  }
}
