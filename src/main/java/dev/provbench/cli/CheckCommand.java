package dev.provbench.cli;

import dev.provbench.input.BadInputException;
import dev.provbench.input.StoragePath;
import dev.provbench.job.Job;
import dev.provbench.preflight.CheckFile;
import dev.provbench.preflight.CheckMeasurement;
import dev.provbench.preflight.CheckTable;
import dev.provbench.preflight.EndpointCheck;
import dev.provbench.preflight.ModelCheck;
import dev.provbench.run.PreparedRun;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code provbench check JOB}: a few real requests per model, what each model showed, and what they measured. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Send real requests per provider x model (the job's first case, its template and parameters, then"
        + " a few more cases) and show what came back: reachable, key accepted, model found, answer parsed, streaming,"
        + " usage, rate-limit headers, latency and TTFT, with a fix for each failure; save the measured tokens and"
        + " latency beside the job file for the estimate. Exit 0 when all pass, 3 when any fails.")
final class CheckCommand implements Callable<Integer> {
  @Mixin
  JobArgument jobFile;

  @Mixin
  OutputFolder out;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "" + EndpointCheck.DEFAULT_SAMPLES,
      description = "chat requests per model: the job's first case, then N-1 cases drawn with a fixed seed, to measure"
          + " typical tokens and latency for the estimate (default: ${DEFAULT-VALUE}; 1 for the first case alone)")
  int samples;

  @Override
  public Integer call() {
    return check(JobOptions.apply(jobFile.read(), null, out.dir), System.getenv(), System.out, samples);
  }

  static int check(Job job, Map<String, String> env, PrintStream console, int samples) {
    if (samples < 1) throw new BadInputException("--samples", "is " + samples, "give 1 or more requests per model");
    PreparedRun run = PreparedRun.prepare(job, env);
    long perModel = EndpointCheck.requests(run, samples) / job.modelCount();
    console.printf("check: sending %s%d chat requests, %d per model (%d models, %d providers): the job's first case"
        + " with its template and parameters%s; a model not found adds a GET /models%n", perModel > 1 ? "up to " : "",
        EndpointCheck.requests(run, samples), perModel, job.modelCount(), job.providers().size(),
        perModel > 1 ? ", then, when it passes, " + (perModel - 1) + " more cases to measure typical tokens and latency"
            : "");
    List<EndpointCheck.Checked> checked = EndpointCheck.all(run, env, samples);
    List<ModelCheck> checks = checked.stream().map(EndpointCheck.Checked::check).toList();
    console.print(CheckTable.render(checks));
    console.print(save(job, checked.stream().map(EndpointCheck.Checked::measurement).filter(Objects::nonNull).toList()));
    return checks.stream().allMatch(ModelCheck::passed) ? 0 : Main.EXIT_CHECK_FAILED;
  }

  /** Saves what was measured for the estimate of validate and run, and says where; a failure to save is a note. */
  private static String save(Job job, List<CheckMeasurement> measured) {
    if (measured.isEmpty()) return "";
    StoragePath file = CheckFile.of(job);
    try {
      CheckFile.write(file, measured);
      return "measured tokens and latency of " + measured.size() + " models saved to " + file
          + ": validate and run estimate from them\n";
    } catch (UncheckedIOException e) {
      return "note: " + e.getMessage() + ": validate and run estimate without it\n";
    }
  }
}
