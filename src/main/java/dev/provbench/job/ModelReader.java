package dev.provbench.job;

import dev.provbench.input.YamlFields;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a provider's {@code models:} list: unique ids, size, price or cost per hour, concurrency, own URL, own request fields. */
final class ModelReader {
  private ModelReader() {}

  static List<ModelSpec> read(YamlFields provider, int providerConcurrency) {
    List<ModelSpec> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlFields m : provider.objects("models", "list the models this provider serves, each with an `id`")) {
      String id = m.requiredString("id", "give the model id the provider expects, e.g. `id: llama3-1-8b`");
      if (!ids.add(id)) throw m.error("id", "duplicate model id `" + id + "` at this provider", "list each model once");
      String size = m.string("size", SizeInference.fromModelId(id)).toLowerCase(Locale.ROOT);
      Price price = price(m.object("price"));
      Double perHour = m.number("cost_per_hour", null, 0, Double.MAX_VALUE, "give US dollars per hour, zero or more");
      if (price != null && perHour != null) {
        throw m.error("cost_per_hour", "a model has either a price list or a cost per hour, not both", "remove one of them");
      }
      int concurrency = m.integer("concurrency", providerConcurrency, 1, "allow at least one request in flight per model");
      String ownUrl = BaseUrlRule.optional(m);
      String request = RequestFields.read(m, "request", Set.of(), "");
      m.finish();
      out.add(new ModelSpec(id, size, price, perHour, concurrency, ownUrl, request));
    }
    return out;
  }

  private static Price price(YamlFields pr) {
    if (pr == null) return null;
    String fix = "give US dollars per million tokens, zero or more";
    Price price = new Price(pr.number("input_per_1m", 0.0, 0, Double.MAX_VALUE, fix),
        pr.number("output_per_1m", 0.0, 0, Double.MAX_VALUE, fix),
        pr.number("cached_input_per_1m", null, 0, Double.MAX_VALUE, fix));
    pr.finish();
    return price;
  }
}
