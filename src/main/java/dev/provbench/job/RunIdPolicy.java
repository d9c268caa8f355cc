package dev.provbench.job;

import dev.provbench.input.BadInputException;
import dev.provbench.input.YamlFields;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** A run id names a results folder ({@code run_id=...}): what it may hold, and the one made when none is given. */
final class RunIdPolicy {
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private RunIdPolicy() {}

  /** The job file's {@code run_id}, checked, or a new one from the job's name. */
  static String read(YamlFields job, String name) {
    String runId = job.string("run_id", null);
    if (runId == null) return fromName(name);
    check(job.where("run_id"), runId);
    return runId;
  }

  /** Rejects a run id that cannot name a results folder. */
  static void check(String where, String runId) {
    if (!RUN_ID.matcher(runId).matches()) {
      throw new BadInputException(where, "`" + runId + "` is not a valid run id",
          "use letters, digits, dot, dash and underscore only, starting with a letter or digit");
    }
  }

  /** {@code name-yyyyMMdd-HHmmss}, with characters a folder name cannot hold replaced by dashes. */
  static String fromName(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "-");
    return safe + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }
}
