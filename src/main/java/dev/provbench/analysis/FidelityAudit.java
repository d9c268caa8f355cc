package dev.provbench.analysis;

import dev.provbench.stats.HammingKernel;
import dev.provbench.stats.Holm;
import dev.provbench.stats.LogprobPower;
import dev.provbench.stats.LogprobResult;
import dev.provbench.stats.LogprobTest;
import dev.provbench.stats.MmdPower;
import dev.provbench.stats.MmdResult;
import dev.provbench.stats.MmdTest;
import dev.provbench.stats.PromptLogprobs;
import dev.provbench.stats.PromptSamples;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fidelity audit's completions and its tests, without Spark: each deployment's completions against the reference's
 * on the prompts both answered, by {@link MmdTest}, and, when some deployment returned log-probabilities, their first
 * output positions by {@link LogprobTest} (1,000 permutations each, seeded); each test Holm-adjusted over the
 * deployments it could test; with the power each test had at the difference it saw ({@link MmdPower#atObserved},
 * {@link LogprobPower#atObserved}) and the change the audit's size could detect, planted in the reference's own
 * samples ({@link MmdPower#detectableWordChange}, {@link LogprobPower#detectableShift}). Immutable.
 *
 * @param reference   the reference deployment.
 * @param deployments every deployment of the audit, the reference included, with its completions by prompt.
 */
public record FidelityAudit(Experiment reference, List<Completions> deployments) {
  public static final double ALPHA = 0.05;
  static final long SEED = 20250424L;
  static final int POWER_REPLICATES = 100;
  static final int PLANNING_REPLICATES = 60;

  /**
   * One deployment's completions.
   *
   * @param deployment    the provider × model.
   * @param byPrompt      per prompt (case id), the completions it gave, in sample order.
   * @param firstLogprobs per prompt, for each of its samples that returned log-probabilities, the first output
   *                      position's alternatives (token to log-probability); empty when the deployment returned none.
   */
  public record Completions(Experiment deployment, Map<String, List<String>> byPrompt,
      Map<String, List<Map<String, Double>>> firstLogprobs) {
    public Completions {
      byPrompt = new TreeMap<>(byPrompt);
      firstLogprobs = new TreeMap<>(firstLogprobs);
    }

    /** Completions without log-probabilities. */
    public Completions(Experiment deployment, Map<String, List<String>> byPrompt) {
      this(deployment, byPrompt, Map.of());
    }

    /** Whether any sample returned log-probabilities with alternatives. */
    public boolean returnedLogprobs() {
      return firstLogprobs.values().stream().flatMap(List::stream).anyMatch(m -> !m.isEmpty());
    }
  }

  /**
   * One test's figures.
   *
   * @param statistic the test's statistic (MMD², or the log-probability test's mean squared difference in nats²).
   * @param p         the permutation p-value; NaN when no prompt could be tested.
   * @param effect    the statistic in SDs of its permutation null.
   * @param prompts   prompts tested.
   * @param candidate the deployment's samples used.
   */
  public record Figures(double statistic, double p, double effect, int prompts, int candidate) {
    static final Figures NONE = new Figures(Double.NaN, Double.NaN, Double.NaN, 0, 0);

    static Figures of(MmdResult r) {
      return new Figures(r.statistic(), r.p(), r.effect(), r.prompts(), r.candidate());
    }

    static Figures of(LogprobResult r) {
      return new Figures(r.statistic(), r.p(), r.effect(), r.prompts(), r.candidate());
    }
  }

  /**
   * One deployment tested against the reference by one test.
   *
   * @param deployment the audited deployment.
   * @param test       which test.
   * @param figures    its figures; {@link Figures#NONE} when it is not available.
   * @param samples    samples per prompt asked (the most any shared prompt has on the deployment's side).
   * @param adjustedP  Holm-adjusted over the deployments this test could test; NaN when not available.
   * @param power      the share of resampled audits of the same size that reject at {@link #ALPHA}, at the
   *                   difference observed; NaN when not available or not computed.
   * @param available  false for the log-probability test when the deployment or the reference returned no
   *                   log-probabilities.
   */
  public record Result(Experiment deployment, FidelityTest test, Figures figures, int samples, double adjustedP,
      double power, boolean available) {
    public boolean differs() {
      return available && adjustedP <= ALPHA;
    }
  }

  public FidelityAudit {
    deployments = List.copyOf(deployments);
  }

  /** Every deployment's tests, with the power each had; per deployment the MMD, then the log-probability test. */
  public List<Result> results() {
    return results(true);
  }

  /** Every deployment's tests; without {@code power} the power is NaN (what a measurement over many audits needs). */
  public List<Result> results(boolean power) {
    List<Completions> audited = deployments.stream().filter(d -> !d.deployment().equals(reference)).toList();
    List<Result> out = new ArrayList<>(mmd(audited, power));
    if (deployments.stream().anyMatch(Completions::returnedLogprobs)) out.addAll(logprob(audited, power));
    List<Experiment> order = audited.stream().map(Completions::deployment).toList();
    out.sort(Comparator.comparingInt((Result r) -> order.indexOf(r.deployment())).thenComparing(Result::test));
    return out;
  }

  private List<Result> mmd(List<Completions> audited, boolean power) {
    Completions ref = completionsOf(reference);
    List<Result> out = new ArrayList<>();
    double[] p = new double[audited.size()];
    List<List<PromptSamples>> data = new ArrayList<>();
    List<MmdResult> tests = new ArrayList<>();
    for (int i = 0; i < audited.size(); i++) {
      data.add(pairs(ref, audited.get(i)));
      tests.add(MmdTest.run(data.get(i), HammingKernel.FIRST_100_CHARACTERS, MmdTest.PERMUTATIONS, SEED));
      p[i] = tests.get(i).p();
    }
    double[] adjusted = Holm.adjust(p);
    for (int i = 0; i < audited.size(); i++) {
      MmdResult t = tests.get(i);
      int samples = data.get(i).stream().mapToInt(s -> s.candidate().size()).max().orElse(0);
      double had = power ? MmdPower.atObserved(data.get(i), HammingKernel.FIRST_100_CHARACTERS, t.prompts(), samples,
          POWER_REPLICATES, ALPHA, SEED + i) : Double.NaN;
      out.add(new Result(audited.get(i).deployment(), FidelityTest.MMD, Figures.of(t), samples, adjusted[i], had, true));
    }
    return out;
  }

  /** The log-probability test of each deployment that, like the reference, returned some; Holm over those. */
  private List<Result> logprob(List<Completions> audited, boolean power) {
    Completions ref = completionsOf(reference);
    List<Integer> testable = new ArrayList<>();
    List<List<PromptLogprobs>> data = new ArrayList<>();
    List<LogprobResult> tests = new ArrayList<>();
    for (int i = 0; i < audited.size(); i++) {
      boolean available = ref.returnedLogprobs() && audited.get(i).returnedLogprobs();
      data.add(available ? logprobPairs(ref, audited.get(i)) : List.of());
      tests.add(available ? LogprobTest.run(data.get(i), LogprobTest.PERMUTATIONS, SEED) : null);
      if (available) testable.add(i);
    }
    double[] adjusted = Holm.adjust(testable.stream().mapToDouble(i -> tests.get(i).p()).toArray());
    List<Result> out = new ArrayList<>();
    for (int i = 0; i < audited.size(); i++) {
      Experiment deployment = audited.get(i).deployment();
      int at = testable.indexOf(i);
      if (at < 0) {
        out.add(new Result(deployment, FidelityTest.LOGPROB, Figures.NONE, 0, Double.NaN, Double.NaN, false));
        continue;
      }
      LogprobResult t = tests.get(i);
      int samples = data.get(i).stream().mapToInt(s -> s.candidate().size()).max().orElse(0);
      double had = power ? LogprobPower.atObserved(data.get(i), t.prompts(), samples, POWER_REPLICATES, ALPHA, SEED + i)
          : Double.NaN;
      out.add(new Result(deployment, FidelityTest.LOGPROB, Figures.of(t), samples, adjusted[at], had, true));
    }
    return out;
  }

  /** Whether the reference returned log-probabilities: without them no deployment's can be tested. */
  public boolean referenceReturnedLogprobs() {
    return completionsOf(reference).returnedLogprobs();
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

  /**
   * The smallest log-probability shift (nats per token) an audit of {@code prompts} × {@code samples} detects with
   * 80% power, planted in the reference's own first positions (halves of them); NaN if none is.
   */
  public double detectableShift(int prompts, int samples) {
    return LogprobPower.detectableShift(List.copyOf(completionsOf(reference).firstLogprobs().values()), prompts,
        samples, PLANNING_REPLICATES, ALPHA, SEED);
  }

  /** The power against a log-probability shift of {@code nats} at {@code prompts} × {@code samples} a side. */
  public double shiftPower(double nats, int prompts, int samples) {
    return LogprobPower.shift(List.copyOf(completionsOf(reference).firstLogprobs().values()), nats, prompts, samples,
        PLANNING_REPLICATES, ALPHA, SEED);
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

  private static List<PromptLogprobs> logprobPairs(Completions reference, Completions candidate) {
    List<PromptLogprobs> out = new ArrayList<>();
    reference.firstLogprobs().forEach((prompt, refs) -> {
      List<Map<String, Double>> theirs = candidate.firstLogprobs().get(prompt);
      // Sorted, as the completions are: the same samples give the same p in any arrival order.
      if (theirs != null) out.add(new PromptLogprobs(prompt, sorted(refs), sorted(theirs)));
    });
    return out;
  }

  private static List<Map<String, Double>> sorted(List<Map<String, Double>> samples) {
    return samples.stream().sorted(Comparator.comparing(m -> new TreeMap<>(m).toString())).toList();
  }
}
