package dev.provbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provbench.input.YamlErrors;
import dev.provbench.input.YamlFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the job-file example of docs/JOBS.md true: each default its comments state ({@code # default 3}) is the record's
 * constant, each block marked {@code # the defaults} reads back as the record's {@code DEFAULTS}, and no other line
 * states a default that this table does not check.
 */
class JobFileDocTest {
  private static final Path JOBS = Path.of("docs/JOBS.md");
  /** A comment's stated default: the word after "default" (or "default:"). */
  private static final Pattern STATED = Pattern.compile("\\bdefault:?\\s+([^\\s;:,]+)");
  private static final Pattern KEY = Pattern.compile("^\\s*(?:- )?([a-z_]+):");

  private static List<String> lines;
  private static JsonNode example;
  private final Set<String> checked = new HashSet<>();

  @BeforeAll
  static void readExample() throws Exception {
    String doc = Files.readString(JOBS);
    int section = doc.indexOf("\n## The job file\n");
    assertTrue(section >= 0, JOBS + " lacks the section `## The job file`");
    int from = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
    int to = doc.indexOf("```", from);
    String yaml = doc.substring(from, to);
    lines = yaml.lines().toList();
    example = YamlErrors.strictMapper().readTree(yaml);
  }

  @Test
  void theExampleStatesTheRecordsDefaults() {
    defaultIs("output", Job.DEFAULT_OUTPUT);
    defaultIs("temperature", TaskSpec.DEFAULT_TEMPERATURE);
    defaultIs("max_tokens", TaskSpec.DEFAULT_MAX_TOKENS);
    defaultIs("stream", TaskSpec.DEFAULT_STREAM);
    defaultIs("cache_bust", TaskSpec.DEFAULT_CACHE_BUST);
    defaultIs("tool_mode", TaskSpec.DEFAULT_TOOL_MODE);
    defaultIs("trials", Job.DEFAULT_TRIALS);
    defaultIs("concurrency", ModelSpec.DEFAULT_CONCURRENCY);
    defaultIs("partitions_per_model", Job.DEFAULT_PARTITIONS_PER_MODEL);
    defaultIs("stream_options", ProviderSpec.DEFAULT_STREAM_OPTIONS);
    defaultIs("task_slots", Job.DEFAULT_TASK_SLOTS);
    blockIs("timeouts", PolicyReader.timeouts(fields("timeouts")), Timeouts.DEFAULTS);
    blockIs("retry", PolicyReader.retry(fields("retry")), RetryPolicy.DEFAULTS);
    blockIs("commit", PolicyReader.commit(fields("commit")), CommitPolicy.DEFAULTS);
    assertTrue(comment("size").contains("\"" + ModelSpec.UNKNOWN_SIZE + "\""), "size: " + comment("size"));
    assertEquals(Job.SCORERS, ScorerNames.read(new YamlFields(JOBS.toString(), "", example)), "scorers: the example lists all");
    everyStatedDefaultIsChecked();
  }

  /** The first line of {@code key} states {@code expected} as its default. */
  private void defaultIs(String key, Object expected) {
    Matcher m = STATED.matcher(comment(key));
    assertTrue(m.find(), key + ": its comment states no default: " + comment(key));
    String stated = m.group(1);
    if (expected instanceof Number n) assertEquals(n.doubleValue(), Double.parseDouble(stated), 0, key + ": default");
    else assertEquals(String.valueOf(expected), stated, key + ": default");
    checked.add(key);
  }

  /** The block of {@code key} is marked as the defaults and reads back as them. */
  private void blockIs(String key, Object read, Object defaults) {
    assertTrue(comment(key).startsWith("the defaults"), key + ": not marked `# the defaults`");
    assertEquals(defaults, read, key + ": the example's values");
    checked.add(key);
  }

  /** A line that states a number, true or false as its default, or marks a block as the defaults, is in the table. */
  private void everyStatedDefaultIsChecked() {
    List<String> unchecked = new ArrayList<>();
    for (String line : lines) {
      Matcher key = KEY.matcher(line);
      if (!key.find() || checked.contains(key.group(1))) continue;
      String comment = line.contains(" # ") ? line.substring(line.indexOf(" # ") + 3) : "";
      Matcher m = STATED.matcher(comment);
      if (comment.startsWith("the defaults") || m.find() && m.group(1).matches("[0-9.]+|true|false")) unchecked.add(line);
    }
    assertEquals(List.of(), unchecked, "defaults stated in docs/JOBS.md that no constant backs: add them to this table");
  }

  private static String comment(String key) {
    for (String line : lines) {
      Matcher m = KEY.matcher(line);
      if (m.find() && m.group(1).equals(key)) {
        assertTrue(line.contains(" # "), key + ": has no comment");
        return line.substring(line.indexOf(" # ") + 3).strip();
      }
    }
    throw new AssertionError(key + ": not in the job-file example of docs/JOBS.md");
  }

  private static YamlFields fields(String key) {
    assertNotNull(example.get(key), key + ": not in the example");
    return new YamlFields(JOBS.toString(), key, example.get(key));
  }
}
