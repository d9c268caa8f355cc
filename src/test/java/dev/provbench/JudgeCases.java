package dev.provbench;

import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.run.BenchmarkRun;
import dev.provbench.run.PreparedRun;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A dataset of {@code n} distinct factuality cases (c1…cN, each answered correctly, gold 1) and the
 * shipped judge template, written into a job's folder as {@code cases.jsonl} and {@code judge.yaml}; and
 * a job over them, run on the shared test Spark session.
 */
public final class JudgeCases {
  private JudgeCases() {}

  public static void write(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    StringBuilder data = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      data.append("{\"id\": \"c").append(i).append("\", \"input\": {\"input\": \"Question ").append(i)
          .append("?\", \"output\": \"Answer ").append(i).append("\", \"expected\": \"Answer ").append(i)
          .append("\"}, \"expected\": 1}\n");
    }
    Files.writeString(dir.resolve("cases.jsonl"), data);
    Files.copy(Path.of("data/templates/factuality.yaml"), dir.resolve("judge.yaml"), StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Writes {@code n} cases, the template and {@code <runId>.yaml}: the job's header (run id, these cases,
   * output {@code results}) followed by {@code body} (task, trials, providers, …).
   */
  public static Path job(Path dir, int n, String runId, String body) throws IOException {
    write(dir, n);
    Path job = dir.resolve(runId + ".yaml");
    Files.writeString(job, "run_id: " + runId + "\ndataset: cases.jsonl\noutput: results\n" + body);
    return job;
  }

  /** Runs a job file on the shared Spark session, quietly; returns the job as read. */
  public static Job run(Path jobFile) {
    Job job = JobReader.read(jobFile);
    BenchmarkRun.execute(SparkTestSession.get(), PreparedRun.prepare(job, Map.of()),
        new PrintStream(OutputStream.nullOutputStream()), 0);
    return job;
  }
}
