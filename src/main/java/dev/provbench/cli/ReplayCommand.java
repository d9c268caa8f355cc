package dev.provbench.cli;

import dev.provbench.analysis.ReplayTable;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.TableFormat;
import dev.provbench.decide.AdaptiveMarker;
import dev.provbench.decide.Replay;
import dev.provbench.input.BadInputException;
import dev.provbench.input.StoragePath;
import dev.provbench.job.AdaptivePlan;
import dev.provbench.job.DecisionKind;
import dev.provbench.job.DecisionSpec;
import dev.provbench.job.JobReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code provbench replay RESULTS --run ID}: the adaptive policy played over a stored full run; calls no provider. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Play the adaptive policy over a stored full run, many times in shuffled case orders, and say how often"
        + " it reaches the full run's decisions and with what share of the calls. Calls no provider.")
final class ReplayCommand implements Callable<Integer> {
  @Mixin
  ResultsArgument resultsFolder;

  @Mixin
  RunSelection run;

  /** {@code --run-id ID}, a spelling of {@code --run} replay took at first; kept for scripts. */
  @Option(names = "--run-id", hidden = true, paramLabel = "ID")
  void formerRunId(String id) {
    run.ids.add(id);
  }

  @Option(names = "--adaptive", description = "accepted for symmetry with `run --adaptive`: replay always plays the"
      + " adaptive policy (the --job's `adaptive` section, else the run's own, else the default)")
  boolean adaptive;

  @Option(names = "--job", paramLabel = "FILE", description = "take the policy from this job file's `adaptive` section")
  StoragePath job;

  @Option(names = "--decide", split = ",", paramLabel = "DECISION",
      description = "decisions instead of the policy's: most_accurate, fastest, equivalent_to=PROVIDER[/MODEL]")
  List<String> decide;

  @Option(names = "--confidence", description = "confidence of each decision instead of the policy's, e.g. 0.95")
  Double confidence;

  @Option(names = "--round-cases", paramLabel = "N", description = "cases per round instead of the policy's")
  Integer roundCases;

  @Option(names = "--replays", defaultValue = "1000", paramLabel = "N", description = "how many shuffled orders (default: ${DEFAULT-VALUE})")
  int replays;

  // An initial value, not picocli's defaultValue: a default would overwrite what the former spelling set.
  @Option(names = "--shuffle-seed", paramLabel = "SEED",
      description = "the first shuffle's seed; replay i uses seed + i (default: 1)")
  long shuffleSeed = 1;

  /** {@code --seed}, the former spelling of {@code --shuffle-seed} ({@code --seed} is the bootstrap's elsewhere). */
  @Option(names = "--seed", hidden = true, paramLabel = "SEED")
  void formerSeed(long seed) {
    shuffleSeed = seed;
  }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "console",
      description = "one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  TableFormat format;

  @Mixin
  OutputFile out;

  private StoragePath results;
  private String runId;

  @Override
  public Integer call() throws IOException {
    runId = run.one("--run full");
    if (replays < 1) throw new BadInputException("--replays", "must be at least 1, got " + replays, "give e.g. --replays 1000");
    results = resultsFolder.checked();
    AdaptivePlan plan = plan();
    SparkSession spark = resultsFolder.openSpark();
    Replay.Summary summary = ReplayTable.replay(spark, results, runId, plan, replays, shuffleSeed);
    AnalysisTable table = ReplayTable.of(summary, plan);
    out.write(format.render(table), "replay of run " + runId);
    return 0;
  }

  private AdaptivePlan plan() {
    AdaptivePlan plan = job != null ? JobReader.read(job).adaptive() : AdaptiveMarker.read(results, runId).map(AdaptiveMarker::plan).orElse(null);
    if (job != null && plan == null) {
      throw new BadInputException(job.toString(), "has no `adaptive` section", "add one, or give the decisions with --decide");
    }
    if (plan == null) plan = AdaptivePlan.DEFAULTS;
    if (decide != null) plan = plan.withDecisions(decisions(decide));
    if (confidence != null) {
      if (!(confidence > 0.5 && confidence < 1)) {
        throw new BadInputException("--confidence", "must be above 0.5 and below 1, got " + confidence, "give e.g. 0.95");
      }
      plan = plan.withConfidence(confidence);
    }
    if (roundCases != null) {
      if (roundCases < 1) throw new BadInputException("--round-cases", "must be at least 1, got " + roundCases, "give e.g. 6");
      plan = plan.withRoundCases(roundCases);
    }
    return plan;
  }

  private static List<DecisionSpec> decisions(List<String> words) {
    List<DecisionSpec> out = new ArrayList<>();
    for (String w : words) {
      String word = w.trim();
      if (word.startsWith("equivalent_to=")) {
        out.add(new DecisionSpec(DecisionKind.EQUIVALENT_TO, word.substring("equivalent_to=".length())));
        continue;
      }
      DecisionKind kind = DecisionKind.of(word);
      if (kind == null || kind == DecisionKind.EQUIVALENT_TO) {
        throw new BadInputException("--decide", "unknown decision `" + word + "`",
            "use most_accurate, fastest or equivalent_to=PROVIDER[/MODEL], separated by commas");
      }
      out.add(new DecisionSpec(kind, null));
    }
    return out;
  }
}
