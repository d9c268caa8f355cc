package dev.provbench.cli;

import dev.provbench.input.StoragePath;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import picocli.CommandLine.Parameters;

/** JOB, the job file a command reads (a picocli mixin): a local path or any Hadoop URI. */
final class JobArgument {
  @Parameters(index = "0", paramLabel = "JOB", description = "the job file (YAML): a path or a Hadoop URI (hdfs://…)")
  StoragePath file;

  /** The job, validated (a bad-input error naming the field otherwise). */
  Job read() {
    return JobReader.read(file);
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
