package dev.provbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.analysis.output.OutputFormat;
import dev.provbench.analysis.output.TableFormat;
import dev.provbench.input.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * One word for one meaning across the commands, and the former spellings scripts may still use: each line parses a
 * command line (nothing runs) and reads back what the command received.
 */
class OptionWordsTest {
  /** The command the arguments name, as picocli filled it in. */
  private static Object parsed(String... args) {
    ParseResult result = Main.commandLine().parseArgs(args);
    return result.subcommand().commandSpec().userObject();
  }

  private static <C> void reads(Object expected, Class<C> command, Function<C, Object> field, String... args) {
    assertEquals(expected, field.apply(command.cast(parsed(args))), String.join(" ", args));
  }

  @Test
  void theWordsAndTheirFormerSpellings() {
    reads(List.of("a", "b"), AnalyzeCommand.class, c -> c.flags.run.ids(), "analyze", "results", "--run", "a", "--run", "b");
    reads(List.of("a"), ReportCommand.class, c -> c.flags.run.ids(), "report", "results", "--out", "r", "--run", "a");
    reads("r1", SummaryCommand.class, c -> c.run.one("x"), "summary", "results", "--run", "r1");
    reads("r1", SummaryCommand.class, c -> c.run.one("x"), "summary", "results", "--run-id", "r1");
    reads("r1", ReplayCommand.class, c -> c.run.one("x"), "replay", "results", "--run", "r1");
    reads("r1", ReplayCommand.class, c -> c.run.one("x"), "replay", "results", "--run-id", "r1");
    reads("r1", RescoreCommand.class, c -> c.run.atMostOne(), "rescore", "results", "--job", "j.yaml", "--run", "r1");
    reads(null, RescoreCommand.class, c -> c.run.atMostOne(), "rescore", "results", "--job", "j.yaml");
    reads("new", RescoreCommand.class, c -> c.newRunId, "rescore", "results", "--job", "j.yaml", "--run-id", "new");
    reads("new", RescoreCommand.class, c -> c.newRunId, "rescore", "results", "--job", "j.yaml", "--as", "new");
    reads("new", RunCommand.class, c -> c.runId, "run", "job.yaml", "--run-id", "new");
    reads("new", DemoCommand.class, c -> c.runId, "demo", "--run-id", "new");
    reads(7L, DemoCommand.class, c -> c.simSeed, "demo", "--sim-seed", "7");
    reads(7L, DemoCommand.class, c -> c.simSeed, "demo", "--seed", "7");
    reads(7L, SimulateCommand.class, c -> c.simSeed, "simulate", "--sim-seed", "7");
    reads(7L, SimulateCommand.class, c -> c.simSeed, "simulate", "--seed", "7");
    reads(7L, ReplayCommand.class, c -> c.shuffleSeed, "replay", "results", "--run", "r", "--shuffle-seed", "7");
    reads(7L, ReplayCommand.class, c -> c.shuffleSeed, "replay", "results", "--run", "r", "--seed", "7");
    reads(1L, ReplayCommand.class, c -> c.shuffleSeed, "replay", "results", "--run", "r");
    reads(7L, AnalyzeCommand.class, c -> c.flags.seed, "analyze", "results", "--seed", "7");
    reads(Path.of("a.md"), AnalyzeCommand.class, c -> c.out.file, "analyze", "results", "--out-file", "a.md");
    reads(Path.of("a.md"), AnalyzeCommand.class, c -> c.out.file, "analyze", "results", "--out", "a.md");
    reads(Path.of("t.txt"), TrendCommand.class, c -> c.out.file, "trend", "results", "--series", "s", "--out", "t.txt");
    reads(Path.of("r.csv"), ReplayCommand.class, c -> c.out.file, "replay", "results", "--run", "r", "--out-file", "r.csv");
    reads("hdfs://nn:8020/results", RunCommand.class, c -> c.out.dir.toString(), "run", "job.yaml", "--out", "hdfs://nn:8020/results");
    reads("hdfs://nn:8020/results", SummaryCommand.class, c -> c.results.toString(), "summary", "hdfs://nn:8020/results", "--run", "r");
    reads("hdfs://nn:8020/jobs/j.yaml", CheckCommand.class, c -> c.jobFile.toString(), "check", "hdfs://nn:8020/jobs/j.yaml");
  }

  @Test
  void wordsOfAClosedSetInAnyCase() {
    reads(OutputFormat.CONSOLE, AnalyzeCommand.class, c -> c.format, "analyze", "results");
    reads(OutputFormat.JSON, AnalyzeCommand.class, c -> c.format, "analyze", "results", "--format", "json");
    reads(OutputFormat.MARKDOWN, AnalyzeCommand.class, c -> c.format, "analyze", "results", "--format", "Markdown");
    reads(TableFormat.CONSOLE, ReplayCommand.class, c -> c.format, "replay", "results", "--run", "r");
    reads(TableFormat.CSV, ReplayCommand.class, c -> c.format, "replay", "results", "--run", "r", "--format", "CSV");
    reads(DemoRun.Workload.REFERENCE, DemoCommand.class, c -> c.workload, "demo");
    reads(DemoRun.Workload.LONG_CONTEXT, DemoCommand.class, c -> c.workload, "demo", "--workload", "long-context");
  }

  @Test
  void aWordOutsideTheSetNamesTheOptionTheWordAndTheChoices() {
    refuses("Invalid value for option '--format': unknown format `xml`; use one of console, csv, json, markdown",
        "analyze", "results", "--format", "xml");
    refuses("Invalid value for option '--format': unknown format `json`; use one of console, markdown, csv",
        "replay", "results", "--run", "r", "--format", "json");
    refuses("Invalid value for option '--workload': unknown workload `long_context`; use one of reference,"
        + " long-context, load, adaptive, audit, chat, trace", "demo", "--workload", "long_context");
  }

  private static void refuses(String message, String... args) {
    assertEquals(message, assertThrows(ParameterException.class, () -> parsed(args)).getMessage(), String.join(" ", args));
  }

  @Test
  void theHelpListsTheWords() {
    assertTrue(help("analyze").contains("one of console, csv, json, markdown (default: console)"), help("analyze"));
    assertTrue(help("replay").contains("one of console, markdown, csv (default: console)"), help("replay"));
    assertTrue(help("demo").contains("one of reference, long-context, load, adaptive, audit, chat, trace (default: reference)"), help("demo"));
  }

  private static String help(String command) {
    return new CommandLine.Help(Main.commandLine().getSubcommands().get(command).getCommandSpec()).optionList()
        .replaceAll("\\s+", " ");
  }

  @ParameterizedTest
  @CsvSource({"summary, summary results", "replay, replay results", "rescore, rescore results --job j.yaml --run a --run b"})
  void aSingleRunCommandRefusesNoneOrTwo(String name, String line) {
    Object command = parsed(line.split(" "));
    BadInputException e = assertThrows(BadInputException.class, () -> ((Callable<?>) command).call());
    assertTrue(e.getMessage().startsWith("--run: "), e.getMessage());
  }

  @Test
  void formerSpellingsAreHidden() {
    String help = new CommandLine.Help(Main.commandLine().getSubcommands().get("demo").getCommandSpec()).optionList();
    assertTrue(help.contains("--sim-seed"), help);
    assertFalse(help.contains("--seed "), help);
  }
}
