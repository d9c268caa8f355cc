package dev.provbench.job;

import dev.provbench.input.YamlFields;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the job's {@code providers:} list: unique names, a checked URL, key variable and headers, and the models. */
final class ProviderReader {
  private ProviderReader() {}

  static List<ProviderSpec> read(YamlFields job, int jobConcurrency) {
    List<ProviderSpec> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlFields p : job.objects("providers", "list at least one provider with name, base_url and models")) {
      String name = p.requiredString("name", "give the provider a display name, e.g. `name: Provider 1`");
      if (!names.add(name)) throw p.error("name", "duplicate provider name `" + name + "`", "give each provider its own name");
      String baseUrl = BaseUrlRule.required(p);
      String keyEnv = apiKeyEnv(p);
      Map<String, String> headers = HeaderRule.read(p);
      int concurrency = p.integer("concurrency", jobConcurrency, 1, "allow at least one request in flight per model");
      List<ModelSpec> models = ModelReader.read(p, concurrency);
      RateLimit limit = PolicyReader.rateLimit(p.object("rate_limit"));
      boolean streamOptions = p.bool("stream_options", ProviderSpec.DEFAULT_STREAM_OPTIONS);
      p.finish();
      out.add(new ProviderSpec(name, baseUrl, keyEnv, headers, models, limit, streamOptions));
    }
    return out;
  }

  /** The name of the variable holding the key, or null; a value that is no variable name is likely the key itself. */
  private static String apiKeyEnv(YamlFields p) {
    String keyEnv = p.string("api_key_env", null);
    if (keyEnv != null && !keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw p.error("api_key_env", "`" + keyEnv + "` is not an environment variable name",
          "name the variable that holds the key (e.g. FIREWORKS_API_KEY), never the key itself");
    }
    return keyEnv;
  }
}
