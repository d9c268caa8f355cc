package dev.provbench.job;

import java.util.Locale;

/**
 * Where a trace replay's prompts come from (the {@code trace} section's {@code prompts}): {@code synthetic}, text
 * built to each row's input length and hash-id blocks ({@code task.SyntheticPrompt}), or {@code cases}, the job's
 * dataset cases in order, cycling, at the trace's arrival times and output lengths.
 */
public enum TracePrompts {
  SYNTHETIC,
  CASES;

  /** The name as written in a job file. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
