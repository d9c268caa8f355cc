package dev.provbench.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provbench.input.YamlFields;
import java.util.ArrayList;
import java.util.List;

/** Reads the job's optional {@code adaptive} section into an {@link AdaptivePlan}; null when absent. Stateless. */
public final class AdaptiveReader {
  private static final String DECISIONS_FIX = "list decisions, e.g. `decisions: [most_accurate, fastest,"
      + " {equivalent_to: \"Provider 1\"}]`";

  private AdaptiveReader() {}

  static AdaptivePlan read(YamlFields f, List<ProviderSpec> providers, LoadPlan load) {
    YamlFields a = f.object("adaptive");
    if (a == null) return null;
    if (load != null) throw f.error("adaptive", "cannot be given with `load`", "a load ladder runs every step whole; remove one");
    AdaptivePlan plan = section(a, providers);
    a.finish();
    return plan;
  }

  /** The section's fields, checked against the job's providers (an {@code equivalent_to} must name one). */
  public static AdaptivePlan section(YamlFields a, List<ProviderSpec> providers) {
    List<DecisionSpec> decisions = a.has("decisions") ? decisions(a, providers) : AdaptivePlan.DEFAULTS.decisions();
    double confidence = a.number("confidence", AdaptivePlan.DEFAULT_CONFIDENCE, 0.5, 0.9999,
        "write the confidence of each decision, e.g. `confidence: 0.95`");
    if (confidence <= 0.5 || confidence >= 1) {
      throw a.error("confidence", "must be above 0.5 and below 1, got " + confidence, "write e.g. `confidence: 0.95`");
    }
    double margin = a.number("margin", AdaptivePlan.DEFAULT_MARGIN, 0, 1,
        "write the accuracy difference that counts as equal, e.g. `margin: 0.02` (2 points)");
    double speedMargin = a.number("speed_margin", AdaptivePlan.DEFAULT_SPEED_MARGIN, 0, 1,
        "write the relative duration difference that counts as equally fast, e.g. `speed_margin: 0.05` (5%)");
    int roundCases = a.integer("round_cases", AdaptivePlan.DEFAULT_ROUND_CASES, 1, "add at least one case per round, e.g. `round_cases: 6`");
    long seed = a.longValue("seed", AdaptivePlan.DEFAULT_SEED, 0, "write a whole number, e.g. `seed: 1`");
    boolean futility = a.bool("futility", true);
    return new AdaptivePlan(decisions, confidence, margin, speedMargin, roundCases, seed, futility);
  }

  private static List<DecisionSpec> decisions(YamlFields a, List<ProviderSpec> providers) {
    JsonNode v = a.raw("decisions");
    if (v == null || !v.isArray() || v.isEmpty()) {
      throw a.error("decisions", "must be a non-empty list, got " + YamlFields.describe(v), DECISIONS_FIX);
    }
    List<DecisionSpec> out = new ArrayList<>();
    for (JsonNode n : v) {
      DecisionSpec d = decision(a, n, providers);
      if (out.contains(d)) throw a.error("decisions", "lists `" + d.label() + "` twice", "list each decision once");
      out.add(d);
    }
    return out;
  }

  private static DecisionSpec decision(YamlFields a, JsonNode n, List<ProviderSpec> providers) {
    if (n.isTextual()) {
      DecisionKind kind = DecisionKind.of(n.asText());
      if (kind == null || kind == DecisionKind.EQUIVALENT_TO) {
        String near = YamlFields.nearest(n.asText(), DecisionKind.words());
        throw a.error("decisions", "has an unknown decision `" + n.asText() + "`" + (near == null ? "" : " (did you mean `" + near + "`?)"),
            kind == null ? "use one of " + String.join(", ", DecisionKind.words()) : "write `{equivalent_to: \"PROVIDER[/MODEL]\"}`");
      }
      return new DecisionSpec(kind, null);
    }
    if (n.isObject() && n.size() == 1 && n.has("equivalent_to") && n.get("equivalent_to").isTextual()) {
      String ref = n.get("equivalent_to").asText();
      checkReference(a, ref, providers);
      return new DecisionSpec(DecisionKind.EQUIVALENT_TO, ref);
    }
    throw a.error("decisions", "has " + YamlFields.describe(n) + " where a decision was expected", DECISIONS_FIX);
  }

  private static void checkReference(YamlFields a, String ref, List<ProviderSpec> providers) {
    int slash = ref.indexOf('/');
    String provider = slash < 0 ? ref : ref.substring(0, slash);
    String model = slash < 0 ? null : ref.substring(slash + 1);
    ProviderSpec p = providers.stream().filter(x -> x.name().equals(provider)).findFirst().orElse(null);
    if (p == null) {
      throw a.error("decisions", "`equivalent_to: " + ref + "` names no provider of the job",
          "use one of " + String.join(", ", providers.stream().map(ProviderSpec::name).toList()));
    }
    if (model != null && p.models().stream().noneMatch(m -> m.id().equals(model))) {
      throw a.error("decisions", "`equivalent_to: " + ref + "`: " + provider + " has no model `" + model + "`",
          "use one of " + String.join(", ", p.models().stream().map(ModelSpec::id).toList()) + ", or the provider alone");
    }
  }
}
