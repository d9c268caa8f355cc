package dev.provbench.job;

import dev.provbench.input.YamlFields;

import java.util.List;

/** Reads the job's {@code scorers}: names among {@link Job#SCORERS}, all of them when left out. */
final class ScorerNames {
  private ScorerNames() {}

  static List<String> read(YamlFields job) {
    List<String> scorers = job.strings("scorers", Job.SCORERS);
    for (String s : scorers) {
      if (!Job.SCORERS.contains(s)) {
        String near = YamlFields.nearest(s, Job.SCORERS);
        throw job.error("scorers", "unknown scorer `" + s + "`", near != null ? "did you mean `" + near + "`?"
            : "use any of " + String.join(", ", Job.SCORERS));
      }
    }
    return scorers;
  }
}
