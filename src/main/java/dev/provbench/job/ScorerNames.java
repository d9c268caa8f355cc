package dev.provbench.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provbench.input.StoragePath;
import dev.provbench.input.YamlFields;
import dev.provbench.score.ScorerCatalog;
import dev.provbench.score.ScorerSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the job's {@code scorers}. The factuality judge takes names among {@link Job#SCORERS}, all of them when left
 * out. A chat task takes any of {@link ScorerCatalog#TYPES}, each a name or a mapping with {@code type}, an optional
 * {@code name} and the type's options; left out, {@code [ExactMatch, NonNull]}. An {@code LLMJudge} is checked once
 * the providers are read ({@link #resolveJudges}), as it may name one of them.
 */
final class ScorerNames {
  /** A chat task's scorers when the job names none. */
  static final List<String> CHAT_DEFAULT = List.of("ExactMatch", "NonNull");

  private ScorerNames() {}

  /** The factuality judge's scorer names. */
  static List<String> read(YamlFields job) {
    return read(job, new TaskSpec(null, 0, 1, false, false)).stream().map(ScorerSpec::name).toList();
  }

  static List<ScorerSpec> read(YamlFields job, TaskSpec task) {
    JsonNode v = job.raw("scorers");
    List<String> allowed = task.isChat() ? ScorerCatalog.TYPES : Job.SCORERS;
    if (v == null || v.isNull()) return (task.isChat() ? CHAT_DEFAULT : Job.SCORERS).stream().map(ScorerSpec::of).toList();
    if (!v.isArray()) throw job.error("scorers", "must be a list, got " + YamlFields.describe(v), "write it as [a, b]");
    List<ScorerSpec> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < v.size(); i++) {
      String key = "scorers[" + i + "]";
      ScorerSpec spec = spec(job, key, v.get(i), allowed);
      if (!names.add(spec.name())) throw job.error(key, "a second scorer named `" + spec.name() + "`", "give it its own `name:`");
      if (task.isChat() && !ScorerCatalog.callsModel(spec)) { // a judge is checked once the providers are read
        try {
          ScorerCatalog.create(spec);
        } catch (IllegalArgumentException e) {
          throw job.error(key, e.getMessage(), "see the scorer table in docs/JOBS.md for its options");
        }
      }
      out.add(spec);
    }
    return out;
  }

  /**
   * The chat task's scorers with each {@code LLMJudge} resolved and checked: a {@code provider:} becomes that provider's
   * endpoint, headers and (for a model it lists) price; a {@code template:} file becomes its prompt (and, for a judge
   * template YAML, its choice scores). Other scorers are returned as they are.
   *
   * @param dir the job file's folder, which a {@code template:} path is relative to.
   */
  static List<ScorerSpec> resolveJudges(YamlFields job, List<ScorerSpec> specs, List<ProviderSpec> providers, StoragePath dir) {
    List<ScorerSpec> out = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      ScorerSpec spec = specs.get(i);
      out.add(ScorerCatalog.callsModel(spec) ? JudgeOptions.resolve(job, "scorers[" + i + "]", spec, providers, dir) : spec);
    }
    return out;
  }

  private static ScorerSpec spec(YamlFields job, String key, JsonNode entry, List<String> allowed) {
    String type;
    String name;
    ObjectNode options = JsonNodeFactory.instance.objectNode();
    if (entry.isTextual()) {
      type = entry.asText();
      name = type;
    } else if (entry.isObject() && entry.path("type").isTextual()) {
      options = ((ObjectNode) entry).deepCopy();
      type = options.remove("type").asText();
      JsonNode n = options.remove("name");
      name = n == null || n.asText().isBlank() ? type : n.asText();
    } else {
      throw job.error(key, "must be a scorer name or `{type: ..., ...options}`, got " + YamlFields.describe(entry),
          "write e.g. `- ExactMatch` or `- {type: ExactMatch, ignore_case: true}`");
    }
    if (!allowed.contains(type)) {
      String near = YamlFields.nearest(type, allowed);
      String problem = "unknown scorer `" + type + "`" + (allowed == Job.SCORERS && ScorerCatalog.TYPES.contains(type)
          ? " for the factuality judge" : "");
      // The factuality judge's errors name the list, as they always have; a chat task's name the entry.
      throw job.error(allowed == Job.SCORERS ? "scorers" : key, problem, near != null ? "did you mean `" + near + "`?"
          : "use any of " + String.join(", ", allowed));
    }
    if (allowed == Job.SCORERS && !options.isEmpty()) {
      throw job.error(key, "the factuality judge's scorers take no options", "write just `- " + type + "`");
    }
    return new ScorerSpec(type, name, options.toString());
  }
}
