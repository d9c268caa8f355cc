package dev.provbench.reliability;

import dev.provbench.cli.Main;

/**
 * {@code provbench run JOB} for each job given, in one JVM (one Spark start-up for several jobs); exits
 * with the first non-zero exit code. For child-JVM tests.
 */
public final class RunJobs {
  private RunJobs() {}

  public static void main(String[] jobs) {
    for (String job : jobs) {
      int code = Main.execute("run", job, "--progress-seconds", "1");
      if (code != 0) System.exit(code);
    }
    System.exit(0);
  }
}
