package dev.provbench.cli;

import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import java.nio.file.Path;

/** Command-line overrides of a job file's fields. */
final class JobOptions {
  private JobOptions() {}

  static Job apply(Job job, String runId, Path out) {
    Job j = job;
    if (runId != null) {
      JobReader.checkRunId("--run-id", runId);
      j = j.withRunId(runId);
    }
    if (out != null) j = j.withOutput(out.toAbsolutePath().normalize());
    return j;
  }
}
