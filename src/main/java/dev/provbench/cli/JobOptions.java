package dev.provbench.cli;

import dev.provbench.input.BadInputException;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import java.nio.file.Path;

/** Command-line overrides of a job file's fields. */
final class JobOptions {
  private JobOptions() {}

  static Job apply(Job job, String runId, Path out) {
    return apply(job, runId, out, null);
  }

  /** @param maxCost {@code --max-cost}: replaces the job's {@code max_cost} when given. */
  static Job apply(Job job, String runId, Path out, Double maxCost) {
    Job j = job;
    if (maxCost != null) {
      if (maxCost < 0 || maxCost.isNaN()) {
        throw new BadInputException("--max-cost", "must be at least 0, got " + maxCost, "give US dollars, e.g. --max-cost 25");
      }
      j = j.withMaxCost(maxCost);
    }
    if (runId != null) {
      JobReader.checkRunId("--run-id", runId);
      j = j.withRunId(runId);
    }
    if (out != null) j = j.withOutput(out.toAbsolutePath().normalize());
    return j;
  }
}
