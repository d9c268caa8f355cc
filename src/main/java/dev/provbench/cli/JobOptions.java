package dev.provbench.cli;

import dev.provbench.input.BadInputException;
import dev.provbench.input.StoragePath;
import dev.provbench.job.AdaptivePlan;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import java.nio.file.Path;

/** Command-line overrides of a job file's fields. */
final class JobOptions {
  private JobOptions() {}

  static Job apply(Job job, String runId, Path out) {
    return apply(job, runId, out == null ? null : StoragePath.local(out), null);
  }

  static Job apply(Job job, String runId, StoragePath out) {
    return apply(job, runId, out, null);
  }

  /**
   * @param out     {@code --out}: a local folder (made absolute) or a Hadoop URI such as {@code hdfs://nn:8020/results}.
   * @param maxCost {@code --max-cost}: replaces the job's {@code max_cost} when given.
   */
  static Job apply(Job job, String runId, StoragePath out, Double maxCost) {
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
    if (out != null) j = j.withOutput(out.absolute());
    return j;
  }

  /** {@code --task-slots}: replaces the job's {@code task_slots} when given. */
  static Job taskSlots(Job job, Integer slots) {
    if (slots == null) return job;
    if (slots < 0) {
      throw new BadInputException("--task-slots", "must be at least 0, got " + slots,
          "give how many Spark tasks run the models at once, e.g. --task-slots 4, or 0 for the slots Spark has");
    }
    return job.withTaskSlots(slots);
  }

  /** {@code --adaptive}: the job's {@code adaptive} section, or the default plan when it has none; not with a ladder. */
  static Job adaptive(Job job) {
    if (job.load() != null) {
      throw new BadInputException("--adaptive", "cannot run a load ladder in rounds (the job has a `load` section)",
          "drop --adaptive, or run a job without `load`");
    }
    return job.adaptive() != null ? job : job.withAdaptive(AdaptivePlan.DEFAULTS);
  }
}
