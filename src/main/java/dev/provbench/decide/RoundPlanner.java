package dev.provbench.decide;

import dev.provbench.decide.Walk.CellRef;
import dev.provbench.job.AdaptivePlan;
import dev.provbench.job.DecisionKind;
import dev.provbench.job.DecisionSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The adaptive planner, a pure function of (the cells that are in, the decisions asked, the policy, the seed): it walks
 * the rounds from the first — round r adds the next {@code round_cases} cases of the seeded case order, with all their
 * trials, for every deployment still in contention of a decision still open — and stops at the first round whose
 * cells are not all in (the run calls them next) or when every decision is settled or the cases run out. The run
 * calls it between rounds; analysis calls it for the {@code decisions} table; replay calls it over a stored full run
 * in shuffled orders. Because it only ever reads the cells the policy asked for, a real adaptive run's table equals
 * what replay computes from the same cells.
 */
public final class RoundPlanner {
  private RoundPlanner() {}

  /** The run's walk: its own seeded order; stops at the first round with cells missing and says which. */
  public static Walk walk(CellMatrix m, AdaptivePlan plan) {
    return walk(m, plan, CaseOrder.of(m.cases(), plan.seed()), false);
  }

  /** The decisions of a stored run: its own order; a round whose cells are missing closes what is open. */
  public static Walk settle(CellMatrix m, AdaptivePlan plan) {
    return walk(m, plan, CaseOrder.of(m.cases(), plan.seed()), true);
  }

  /**
   * @param order              the case order (indices into the matrix's cases).
   * @param closeWhenIncomplete when a round's cells are missing, close what is open as not settled and stop (an
   *                           analysis of a run that stopped early) instead of asking for them (a running run).
   */
  public static Walk walk(CellMatrix m, AdaptivePlan plan, int[] order, boolean closeWhenIncomplete) {
    List<DecisionState> states = states(m, plan);
    for (DecisionState s : states) s.costIfFull(m);
    long callsIfFull = (long) m.deployments().size() * m.cases() * m.trials();
    double costIfFull = 0;
    for (int d = 0; d < m.deployments().size(); d++) costIfFull += m.meanCost(d) * m.cases() * m.trials();
    long calls = 0;
    double cost = 0;
    int n = m.cases();
    int perRound = plan.roundCases();
    for (int r = 1; ; r++) {
      int from = (r - 1) * perRound;
      if (states.stream().noneMatch(DecisionState::open)) {
        String why = from >= n && results(states).stream().anyMatch(d -> d.verdict() == DecisionVerdict.NOT_SETTLED)
            ? "matrix exhausted" : "every decision settled";
        return new Walk(r - 1, List.of(), results(states), why, calls, callsIfFull, cost, costIfFull);
      }
      if (from >= n) {
        return new Walk(r - 1, List.of(), results(states), "matrix exhausted", calls, callsIfFull, cost, costIfFull);
      }
      int[] cases = Arrays.copyOfRange(order, from, Math.min(n, from + perRound));
      TreeSet<Integer> needed = new TreeSet<>();
      for (DecisionState s : states) needed.addAll(s.needed());
      List<CellRef> missing = new ArrayList<>();
      for (int d : needed) {
        for (int c : cases) for (int t = 1; t <= m.trials(); t++) if (!m.has(d, c, t)) missing.add(new CellRef(d, c, t));
      }
      if (!missing.isEmpty()) {
        missing.sort(Comparator.comparingInt(CellRef::deployment).thenComparingInt(CellRef::caseIndex).thenComparingInt(CellRef::trial));
        if (!closeWhenIncomplete) return new Walk(r - 1, List.copyOf(missing), results(states), null, calls, callsIfFull, cost, costIfFull);
        String why = "round " + r + " incomplete (" + missing.size() + " cells missing)";
        for (DecisionState s : states) s.incomplete(why);
        return new Walk(r - 1, List.of(), results(states), why, calls, callsIfFull, cost, costIfFull);
      }
      for (int d : needed) {
        for (int c : cases) {
          for (int t = 1; t <= m.trials(); t++) {
            calls++;
            cost += m.cost(d, c, t);
          }
        }
      }
      boolean last = from + perRound >= n;
      for (DecisionState s : states) {
        s.addRound(m, cases);
        s.evaluate(last);
      }
    }
  }

  private static List<DecisionResult> results(List<DecisionState> states) {
    List<DecisionResult> out = new ArrayList<>();
    for (DecisionState s : states) out.addAll(s.results());
    return List.copyOf(out);
  }

  /** Every decision asked, per size, over the matrix's deployments. */
  static List<DecisionState> states(CellMatrix m, AdaptivePlan plan) {
    Map<String, List<Integer>> bySize = new LinkedHashMap<>();
    List<Deployment> ds = m.deployments();
    List<Integer> indices = new ArrayList<>();
    for (int d = 0; d < ds.size(); d++) indices.add(d);
    indices.sort(Comparator.comparing((Integer d) -> ds.get(d).size(), RoundPlanner::compareSizes).thenComparing(d -> d));
    for (int d : indices) bySize.computeIfAbsent(ds.get(d).size(), k -> new ArrayList<>()).add(d);
    List<DecisionState> out = new ArrayList<>();
    for (DecisionSpec spec : plan.decisions()) {
      for (Map.Entry<String, List<Integer>> e : bySize.entrySet()) {
        int[] members = members(spec, ds, e.getValue());
        if (members == null) continue;
        String[] labels = Arrays.stream(members).mapToObj(d -> label(ds, e.getValue(), d)).toArray(String[]::new);
        out.add(new DecisionState(spec, e.getKey(), members, labels, plan.alpha(), plan.margin(), plan.speedMargin(), plan.futility(), m));
      }
    }
    return out;
  }

  /** The deployments a decision compares at one size (the reference first for an equivalence); null when none. */
  private static int[] members(DecisionSpec spec, List<Deployment> ds, List<Integer> atSize) {
    if (spec.kind() != DecisionKind.EQUIVALENT_TO) return atSize.stream().mapToInt(Integer::intValue).toArray();
    String ref = spec.reference();
    Integer reference = atSize.stream()
        .filter(d -> ref.contains("/") ? ds.get(d).key().equals(ref) : ds.get(d).provider().equals(ref))
        .findFirst().orElse(null);
    if (reference == null) return null;
    List<Integer> out = new ArrayList<>(List.of(reference));
    for (int d : atSize) if (d != reference) out.add(d);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The provider's name, or provider/model when the provider has two deployments at the size. */
  private static String label(List<Deployment> ds, List<Integer> atSize, int d) {
    String provider = ds.get(d).provider();
    long same = atSize.stream().filter(i -> ds.get(i).provider().equals(provider)).count();
    return same > 1 ? ds.get(d).key() : provider;
  }

  /** 8b before 70b before 405b; sizes without a number after those, by name. */
  public static int compareSizes(String a, String b) {
    double x = sizeNumber(a);
    double y = sizeNumber(b);
    return x != y ? Double.compare(x, y) : a.compareTo(b);
  }

  private static double sizeNumber(String size) {
    Matcher m = Pattern.compile("^(\\d+(?:\\.\\d+)?)").matcher(size);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.MAX_VALUE;
  }
}
