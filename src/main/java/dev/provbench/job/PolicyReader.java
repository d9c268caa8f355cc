package dev.provbench.job;

import dev.provbench.input.YamlFields;

/**
 * Reads the optional policy blocks ({@code timeouts}, {@code retry}, {@code commit}, a provider's
 * {@code rate_limit}); a block left out, or a field left out of one, takes the record's default.
 */
final class PolicyReader {
  private PolicyReader() {}

  static Timeouts timeouts(YamlFields t) {
    Timeouts d = Timeouts.DEFAULTS;
    if (t == null) return d;
    String fix = "give milliseconds, e.g. 60000";
    Timeouts out = new Timeouts(t.longValue("connect_ms", d.connectMs(), 1, fix), t.longValue("read_ms", d.readMs(), 1, fix),
        t.longValue("call_ms", d.callMs(), 0, "give milliseconds, or 0 for no limit"));
    t.finish();
    return out;
  }

  static RetryPolicy retry(YamlFields r) {
    RetryPolicy d = RetryPolicy.DEFAULTS;
    if (r == null) return d;
    RetryPolicy out = new RetryPolicy(
        r.integer("max_attempts", d.maxAttempts(), 1, "allow at least one attempt (1 means no retry)"),
        r.longValue("initial_backoff_ms", d.initialBackoffMs(), 0, "give milliseconds, e.g. 500"),
        r.longValue("max_backoff_ms", d.maxBackoffMs(), 0, "give milliseconds, e.g. 30000"),
        r.number("jitter", d.jitter(), 0, 1, "give a share between 0 and 1, e.g. 0.5"));
    r.finish();
    return out;
  }

  static CommitPolicy commit(YamlFields c) {
    CommitPolicy d = CommitPolicy.DEFAULTS;
    if (c == null) return d;
    CommitPolicy out = new CommitPolicy(
        c.integer("every_cells", d.everyCells(), 1, "commit after at least one cell, e.g. 200"),
        c.longValue("every_seconds", d.everySeconds(), 1, "commit at least every few seconds, e.g. 30"));
    c.finish();
    return out;
  }

  static RateLimit rateLimit(YamlFields r) {
    RateLimit d = RateLimit.NONE;
    if (r == null) return d;
    RateLimit out = new RateLimit(
        r.number("requests_per_minute", d.requestsPerMinute(), 0, Double.MAX_VALUE, "give requests per minute, or 0 for no limit"),
        r.number("tokens_per_minute", d.tokensPerMinute(), 0, Double.MAX_VALUE, "give tokens per minute, or 0 for no limit"));
    r.finish();
    return out;
  }
}
