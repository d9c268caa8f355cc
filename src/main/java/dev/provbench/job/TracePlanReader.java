package dev.provbench.job;

import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import dev.provbench.input.YamlFields;

/**
 * Reads the job's optional {@code trace} section into a {@link TracePlan}; null when absent. The trace's rows are
 * read and checked later, with the dataset, before any request ({@code dataset.TraceReader}). Stateless.
 */
final class TracePlanReader {
  private TracePlanReader() {}

  static TracePlan read(YamlFields f, StoragePath dir, TaskSpec task) {
    YamlFields t = f.object("trace");
    if (t == null) return null;
    for (String other : new String[] {"load", "adaptive", "audit"}) {
      if (f.has(other)) {
        throw f.error(other, "cannot be given with `trace`", "a trace replay sets its own arrivals; run the `"
            + other + "` section in a job of its own");
      }
    }
    if (f.has("trials") && f.integer("trials", 1, 1, "remove `trials`; a trace replay sends each row once per deployment") != 1) {
      throw f.error("trials", "must be 1 with `trace` (each row is sent once per deployment)",
          "remove `trials`; to replay the trace again, run the job again under another run id");
    }
    if (!task.isChat() || task.chat().isConversation()) {
      throw f.error("task", "a trace replay needs a chat task", "write `task: {type: chat, messages: [{role: user, content: "
          + "\"{{prompt}}\"}]}`");
    }
    StoragePath file = dir.resolve(t.requiredString("file", "name the trace, e.g. `file: ../data/traces/chat-trace.jsonl`"));
    if (!Storage.isFile(file)) {
      throw t.error("file", "file not found: " + file.normalize(), "check the path; it is relative to the job file's folder");
    }
    double speed = t.number("speed", TracePlan.DEFAULT_SPEED, 0, 1000, "write the replay's speed factor, e.g. 1 or 2");
    if (speed <= 0) throw t.error("speed", "must be above 0, got " + speed, "write the replay's speed factor, e.g. 1 or 2");
    TracePrompts prompts = prompts(t);
    if (prompts == TracePrompts.CASES && !f.has("dataset")) {
      throw t.error("prompts", "`cases` takes the prompts from the job's dataset, but it has none",
          "add `dataset: cases.jsonl`, or write `prompts: synthetic`");
    }
    int block = t.integer("block_tokens", TracePlan.DEFAULT_BLOCK_TOKENS, 1, "write the tokens one hash id names, e.g. 512");
    Integer limit = t.has("limit") ? t.integer("limit", 0, 1, "replay at least one row, e.g. `limit: 100`") : null;
    boolean exact = t.bool("exact_output", TracePlan.DEFAULT_EXACT_OUTPUT);
    t.finish();
    return new TracePlan(file, speed, prompts, block, limit, exact);
  }

  private static TracePrompts prompts(YamlFields t) {
    String s = t.string("prompts", TracePrompts.SYNTHETIC.yamlName());
    for (TracePrompts p : TracePrompts.values()) if (p.yamlName().equals(s)) return p;
    throw t.error("prompts", "must be `synthetic` or `cases`, got `" + s + "`",
        "write `prompts: synthetic` (text built to the trace's lengths and shared blocks) or `prompts: cases` (the dataset's)");
  }
}
