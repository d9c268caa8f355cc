package dev.provbench.preflight;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The check's console table: a row per provider × model, then each one's rate-limit headers, fix and notes. */
public final class CheckTable {
  private static final String ROW = "%-18s %-36s %-9s %-8s %-7s %-6s %-6s %-6s %-26s %8s %8s%n";

  private CheckTable() {}

  public static String render(List<ModelCheck> checks) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, ROW, "provider", "model", "reachable", "key ok",
        "model", "parsed", "stream", "usage", "carried", "latency", "ttft"));
    for (ModelCheck c : checks) {
      out.append(String.format(Locale.ROOT, ROW, c.provider(), c.model(), yes(c.reachable()), yes(c.keyAccepted()),
          yes(c.modelFound()), yes(c.answerParsed()), yes(c.streamed()), yes(c.serverUsage()),
          c.carried().isEmpty() ? "-" : String.join(", ", c.carried()), c.latencyMs() + " ms",
          c.ttftMs() == null ? "-" : c.ttftMs() + " ms"));
    }
    for (ModelCheck c : checks) {
      String name = c.provider() + " / " + c.model();
      out.append(name).append(": ").append(c.passed() ? "ok" : "FAILED: " + c.problem()).append('\n');
      out.append("  rate-limit headers: ").append(c.rateLimits().isEmpty() ? "none"
          : c.rateLimits().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")))
          .append('\n');
      for (String note : c.notes()) out.append("  note: ").append(note).append('\n');
    }
    long failed = checks.stream().filter(c -> !c.passed()).count();
    out.append(failed == 0 ? "check passed: every model answered as the run needs\n"
        : String.format(Locale.ROOT, "check FAILED for %d of %d models: fix the above, then check again%n", failed,
            checks.size()));
    return out.toString();
  }

  private static String yes(Boolean b) {
    return b == null ? "-" : b ? "yes" : "NO";
  }
}
