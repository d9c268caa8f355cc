package dev.provbench.sim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a YAML profile into a {@link SimProfile}, validating every field once. Stateless. */
final class ProfileReader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final SimModel DEFAULTS = SimModel.steady("", 500, 50);

  private ProfileReader() {}

  static SimProfile read(Path file) {
    String where = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new SimProfileException(where, "profile file not found", "check the path, e.g. data/sim/demo-profile.yaml");
    }
    try {
      return parse(Files.readString(file), where);
    } catch (IOException e) {
      throw new SimProfileException(where, "cannot be read: " + e.getMessage(), "check its permissions", e);
    }
  }

  static SimProfile parse(String yaml, String where) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JacksonException e) {
      String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new SimProfileException(where, "invalid YAML" + at + ": " + e.getOriginalMessage(),
          "correct the YAML syntax there (indentation, a missing colon or quote)", e);
    }
    ProfileFields f = new ProfileFields(where, "", root);
    double timeScale = f.number("time_scale", 1.0, 0.0, 1000.0);
    long seed = f.whole("seed", 42, Long.MIN_VALUE);
    List<SimProvider> providers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> paths = new HashSet<>();
    for (ProfileFields p : f.objects("providers", "list at least one provider with a name, path and models")) {
      SimProvider provider = provider(p);
      if (!names.add(provider.name())) throw p.error("name", "repeats `" + provider.name() + "`", "give each provider its own name");
      if (!paths.add(provider.path())) throw p.error("path", "repeats `" + provider.path() + "`", "give each provider its own path");
      providers.add(provider);
    }
    f.finish();
    return new SimProfile(timeScale, seed, providers);
  }

  private static SimProvider provider(ProfileFields p) {
    String name = p.requiredString("name", "name the provider, e.g. `name: Provider 1`");
    String path = p.requiredString("path", "give its URL prefix, e.g. `path: /p1`");
    if (!path.matches("/[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*")) {
      throw p.error("path", "must look like `/p1` (a slash, then letters, digits, . _ ~ -), got `" + path + "`",
          "write e.g. `path: /p1`");
    }
    List<SimModel> models = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (ProfileFields m : p.objects("models", "list the models it serves, each with an `id`")) {
      SimModel model = model(m);
      if (!ids.add(model.id())) throw m.error("id", "repeats `" + model.id() + "`", "list each model once per provider");
      models.add(model);
    }
    p.finish();
    return new SimProvider(name, path, models);
  }

  private static SimModel model(ProfileFields m) {
    SimModel model = new SimModel(
        m.requiredString("id", "give the model id clients send, e.g. `id: llama3-1-8b`"),
        distribution(m.object("ttft_ms"), DEFAULTS.ttftMs(), 0),
        distribution(m.object("tokens_per_s"), DEFAULTS.tokensPerS(), 0.001),
        (int) Math.min(m.whole("max_concurrency", DEFAULTS.maxConcurrency(), 1), Integer.MAX_VALUE),
        (int) Math.min(m.whole("retry_after_s", DEFAULTS.retryAfterS(), 0), 86_400),
        m.number("rate_429", 0, 0, 1),
        m.number("rate_5xx", 0, 0, 1),
        m.number("rate_truncate", 0, 0, 1),
        m.number("rate_hang", 0, 0, 1),
        m.whole("hang_ms", DEFAULTS.hangMs(), 0),
        m.number("rate_malformed", 0, 0, 1),
        m.number("judge_error_rate", 0, 0, 1));
    double faults = model.rate429() + model.rate5xx() + model.rateTruncate() + model.rateHang() + model.rateMalformed();
    if (faults > 1.0 + 1e-9) {
      throw m.error("", "fault rates add up to " + faults + " (rate_429 + rate_5xx + rate_truncate + rate_hang"
          + " + rate_malformed)", "lower them so their sum is at most 1");
    }
    m.finish();
    return model;
  }

  private static LogNormal distribution(ProfileFields d, LogNormal fallback, double minMedian) {
    if (d == null) return fallback;
    LogNormal out = new LogNormal(
        d.number("median", fallback.median(), minMedian, Double.MAX_VALUE),
        d.number("sigma", fallback.sigma(), 0, 5));
    d.finish();
    return out;
  }
}
