package dev.provbench.cli;

import dev.provbench.analysis.output.OutputFormat;
import dev.provbench.analysis.output.TableFormat;
import dev.provbench.input.BadInputException;
import dev.provbench.input.StoragePath;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code provbench <command>}. The only place that wires the packages together. */
@Command(name = "provbench", mixinStandardHelpOptions = true, version = "provbench 0.1.0",
    description = "Benchmarks LLM inference providers on your own eval: accuracy, latency, cost and reliability in one Spark run.",
    subcommands = {CheckCommand.class, RunCommand.class, ValidateCommand.class, SummaryCommand.class, AnalyzeCommand.class,
        ReportCommand.class, SqlCommand.class, RescoreCommand.class, ReplayCommand.class, TrendCommand.class, SimulateCommand.class, DemoCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  /** Bad input: a job file, dataset, template, environment or output folder; nothing was sent. */
  public static final int EXIT_BAD_INPUT = 2;
  /** The run itself failed (Spark, the file system); results written so far are kept. */
  public static final int EXIT_RUN_FAILED = 3;
  /** {@code check}: a model failed the check (its line says how to fix it). */
  public static final int EXIT_CHECK_FAILED = 3;
  /** {@code run}: stopped before every cell had a row (the spending cap); {@code --resume} finishes it. */
  public static final int EXIT_INCOMPLETE = 4;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The command line with its converters and error handling, before any argument is read. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.registerConverter(StoragePath.class, StoragePath::valueOf);
    cli.registerConverter(OutputFormat.class, new EnumWordConverter<>(OutputFormat.class, "format"));
    cli.registerConverter(TableFormat.class, new EnumWordConverter<>(TableFormat.class, "format"));
    cli.registerConverter(DemoRun.Workload.class, new EnumWordConverter<>(DemoRun.Workload.class, "workload"));
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof BadInputException) {
        cmd.getErr().println("error: " + e.getMessage());
        return EXIT_BAD_INPUT;
      }
      cmd.getErr().println("run failed: " + e);
      return EXIT_RUN_FAILED;
    });
    return cli;
  }
}
