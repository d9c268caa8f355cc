package dev.provbench.cli;

import dev.provbench.input.StoragePath;
import picocli.CommandLine.Option;

/** {@code --out DIR}: the results folder a job writes to instead of its {@code output} (a picocli mixin). */
final class OutputFolder {
  @Option(names = "--out", paramLabel = "DIR",
      description = "results folder, a path or a Hadoop URI such as hdfs://namenode:8020/results (default: the job's output)")
  StoragePath dir;
}
