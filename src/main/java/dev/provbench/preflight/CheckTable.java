package dev.provbench.preflight;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The check's console table: a row per provider × model, then each one's rate-limit headers, fix and notes. */
public final class CheckTable {
  /** The columns after provider and model. */
  private static final String CHECKS = " %-9s %-6s %-5s %-6s %-6s %-5s %-25s %8s %8s%n";

  private CheckTable() {}

  public static String render(List<ModelCheck> checks) {
    int providerWidth = Math.max("provider".length(), checks.stream().mapToInt(c -> c.provider().length()).max().orElse(0));
    int modelWidth = Math.max("model".length(), checks.stream().mapToInt(c -> c.model().length()).max().orElse(0));
    String row = "%-" + providerWidth + "s %-" + modelWidth + "s" + CHECKS;
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, row, "provider", "model", "reachable", "key ok",
        "model", "parsed", "stream", "usage", "carried", "latency", "ttft"));
    for (ModelCheck c : checks) {
      out.append(String.format(Locale.ROOT, row, c.provider(), c.model(), yes(c.reachable()), yes(c.keyAccepted()),
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
