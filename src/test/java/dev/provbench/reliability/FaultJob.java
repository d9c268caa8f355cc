package dev.provbench.reliability;

import dev.provbench.JudgeCases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a small job folder for fault tests: a dataset of {@code cases} cases, a judge template and a job
 * with one provider whose models are the given ids, one trial each, {@code concurrency} calls in flight per
 * model, 3 attempts, back-off 20 ms doubling without jitter, a 700 ms read timeout.
 */
final class FaultJob {
  static final int MAX_ATTEMPTS = 3;
  static final long READ_TIMEOUT_MS = 700;

  private FaultJob() {}

  static Path write(Path dir, String runId, String baseUrl, boolean stream, List<String> models, String apiKeyEnv,
      int cases, int concurrency) throws IOException {
    JudgeCases.write(dir, cases);
    StringBuilder job = new StringBuilder("""
        name: %s
        run_id: %s
        dataset: cases.jsonl
        output: results
        task: {template: judge.yaml, stream: %s}
        trials: 1
        concurrency: %d
        timeouts: {connect_ms: 2000, read_ms: %d, call_ms: 5000}
        retry: {max_attempts: %d, initial_backoff_ms: 20, max_backoff_ms: 2500, jitter: 0}
        providers:
          - name: Faulty
            base_url: %s
        """.formatted(runId, runId, stream, concurrency, READ_TIMEOUT_MS, MAX_ATTEMPTS, baseUrl));
    if (apiKeyEnv != null) job.append("    api_key_env: ").append(apiKeyEnv).append('\n');
    job.append("    models:\n");
    for (String m : models) job.append("      - {id: ").append(m).append(", size: 8b}\n");
    Path file = dir.resolve("job.yaml");
    Files.writeString(file, job);
    return file;
  }
}
