package dev.provbench.analysis.load;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Column;
import dev.provbench.analysis.output.ConsoleOutput;
import dev.provbench.analysis.output.Insight;
import dev.provbench.job.ServiceObjective;
import dev.provbench.stats.PairedDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The load ladder's tables and findings: {@code load_steps}, every model at every step, and
 * {@code load_findings}, per model the knee, the highest step meeting the objective with its goodput, and
 * where accuracy drops. A pure function of the {@link LoadCurve}s.
 */
public final class LoadTables {
  private LoadTables() {}

  public static AnalysisTable steps(List<LoadCurve> curves) {
    AnalysisTable.Builder t = AnalysisTable.builder("load_steps", "Providers under load: each step's measured cells",
        Column.text("provider"), Column.text("model"), Column.number("step", null), Column.text("load"),
        Column.number("cells", null), Column.number("sent/s", "%.2f"), Column.number("req/s", "%.2f"), Column.number("out tok/s", "%.1f"),
        Column.number("p50 s", "%.3f"), Column.number("p90 s", "%.3f"), Column.number("p99 s", "%.3f"),
        Column.number("ttft p90 s", "%.3f"), Column.number("errors %", "%.1f"), Column.number("429 %", "%.1f"),
        Column.number("answered CorrectScore", "%.3f"), Column.number("CI low", "%.3f"), Column.number("CI high", "%.3f"),
        Column.number("vs lowest pts", "%+.1f"), Column.pValue("adj p"), Column.text("objective"),
        Column.number("goodput/s", "%.2f"), Column.number("good per $", "%.1f"));
    long cells = 0;
    for (LoadCurve c : curves) {
      for (int i = 0; i < c.steps().size(); i++) {
        LoadStepStats s = c.steps().get(i);
        PairedDifference d = c.drops().get(i);
        cells += s.cells();
        t.row(c.provider(), c.model(), (long) s.step(), s.load(), s.cells(), c.sent().get(i), s.throughput(), s.outputTps(), s.p50Ms() / 1000,
            s.p90Ms() / 1000, s.p99Ms() / 1000, s.ttftP90Ms() / 1000, s.errorRate() * 100, s.rate429() * 100,
            s.accuracy().mean(), s.accuracy().low(), s.accuracy().high(), d == null ? null : d.difference() * 100,
            d == null ? null : d.adjustedP(), s.meetsObjective() ? "met" : "missed", s.goodput(), s.goodPerUsd());
      }
    }
    return t.build(cells + " measured cells (warm-up left out); sent/s: measured sends per second by start times"
        + " (below a rate step's offered rate when the in-flight cap held sends back); speed over answered cells; CorrectScore 95% case-bootstrap"
        + " interval over answered cells; vs lowest: paired by case against the lowest step, Holm over the steps");
  }

  public static AnalysisTable findings(List<LoadCurve> curves, ServiceObjective objective) {
    AnalysisTable.Builder t = AnalysisTable.builder("load_findings", "Providers under load: knee, objective and accuracy",
        Column.text("provider"), Column.text("model"), Column.text("knee"), Column.text("highest meeting objective"),
        Column.number("req/s there", "%.2f"), Column.number("goodput/s there", "%.2f"),
        Column.number("good per $ there", "%.1f"), Column.text("accuracy drops from"), Column.text("stopped early"));
    for (LoadCurve c : curves) {
      LoadStepStats best = c.bestStep();
      LoadStepStats drop = c.firstDrop();
      t.row(c.provider(), c.model(), c.kneeStep() == null ? "not reached" : c.kneeStep().load(),
          best == null ? "none" : best.load(), best == null ? null : best.throughput(), best == null ? null : best.goodput(),
          best == null ? null : best.goodPerUsd(), drop == null ? "no drop" : drop.load(), c.stopped() ? "yes" : "no");
    }
    return t.build("objective: " + objective.describe() + "; knee: the step after which throughput grows by less than"
        + " the set share while p90 latency still rises; goodput: correct answers within the objective per second");
  }

  /** Both tables and the findings as console text, for the end of a ladder run. */
  public static String console(List<LoadCurve> curves, ServiceObjective objective) {
    StringBuilder sb = new StringBuilder();
    sb.append(ConsoleOutput.render(steps(curves))).append('\n').append(ConsoleOutput.render(findings(curves, objective)));
    for (Insight i : insights(curves, objective)) sb.append("- ").append(i.text()).append('\n');
    return sb.toString();
  }

  /** One sentence per finding worth a reader's attention. */
  public static List<Insight> insights(List<LoadCurve> curves, ServiceObjective objective) {
    List<Insight> out = new ArrayList<>();
    for (LoadCurve c : curves) {
      LoadStepStats knee = c.kneeStep();
      if (knee != null) {
        LoadStepStats next = c.steps().get(c.knee() + 1);
        out.add(new Insight(String.format(Locale.ROOT, "%s saturates at %s: at %s throughput is %.2f req/s against %.2f,"
            + " while p90 latency rises from %.2f s to %.2f s.", c.name(), knee.load(), next.load(), next.throughput(),
            knee.throughput(), knee.p90Ms() / 1000, next.p90Ms() / 1000), "table load_steps"));
      }
      LoadStepStats best = c.bestStep();
      if (!objective.none()) {
        out.add(new Insight(best == null ? c.name() + " meets the objective (" + objective.describe() + ") at no step."
            : String.format(Locale.ROOT, "%s meets the objective (%s) up to %s: %.2f req/s, %.2f correct answers within it"
                + " per second.", c.name(), objective.describe(), best.load(), best.throughput(), best.goodput()),
            "table load_findings"));
      }
      LoadStepStats drop = c.firstDrop();
      if (drop != null) {
        PairedDifference d = c.drops().get(c.steps().indexOf(drop));
        out.add(new Insight(String.format(Locale.ROOT, "%s loses accuracy under load: CorrectScore %.3f at %s against %.3f"
            + " at %s (%+.1f points, 95%% CI %+.1f to %+.1f, adjusted p %s).", c.name(), drop.accuracy().mean(), drop.load(),
            c.steps().get(0).accuracy().mean(), c.steps().get(0).load(), d.difference() * 100, d.low() * 100, d.high() * 100,
            Column.formatP(d.adjustedP())), "table load_steps, paired by case, Holm over the steps"));
      }
      if (c.stopped()) {
        out.add(new Insight(c.name() + " was stopped early (far past the objective or failing); its later steps were not run.",
            "table load_findings"));
      }
    }
    return out;
  }
}
