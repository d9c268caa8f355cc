package dev.provbench.job;

import dev.provbench.input.YamlFields;

import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;

/** Reads the job's {@code task:} block; unset fields take {@link TaskSpec}'s defaults. */
final class TaskReader {
  private TaskReader() {}

  static TaskSpec read(YamlFields job, StoragePath dir) {
    YamlFields t = job.object("task");
    if (t == null) throw job.missing("task", "add `task:` with at least `template: ../data/templates/factuality.yaml`");
    StoragePath template = dir.resolve(t.requiredString("template",
        "name the judge template, e.g. `template: ../data/templates/factuality.yaml`"));
    if (!Storage.isFile(template)) {
      throw t.error("template", "file not found: " + template.normalize(), "check the path; it is relative to the job file's folder");
    }
    String type = t.string("type", TaskSpec.FACTUALITY);
    if (!type.equals(TaskSpec.FACTUALITY)) throw t.error("type", "unknown task `" + type + "`", "use `factuality`");
    double temperature = t.number("temperature", TaskSpec.DEFAULT_TEMPERATURE, 0, 2, "use a temperature between 0 and 2");
    int maxTokens = t.integer("max_tokens", TaskSpec.DEFAULT_MAX_TOKENS, 1, "allow at least one output token, e.g. 2048");
    boolean stream = t.bool("stream", TaskSpec.DEFAULT_STREAM);
    boolean cacheBust = t.bool("cache_bust", TaskSpec.DEFAULT_CACHE_BUST);
    t.finish();
    return new TaskSpec(template, temperature, maxTokens, stream, cacheBust);
  }
}
