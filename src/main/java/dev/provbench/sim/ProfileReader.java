package dev.provbench.sim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.input.BadInputException;
import dev.provbench.input.YamlErrors;
import dev.provbench.input.YamlFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a YAML profile into a {@link SimProfile}, validating every field once with the project's strict
 * reader: a key given twice is rejected, an unknown key names the nearest known one. Stateless.
 */
final class ProfileReader {
  private static final ObjectMapper YAML = YamlErrors.strictMapper();
  private static final SimModel DEFAULTS = SimModel.steady("", 500, 50);
  private static final String RATE = "use a probability between 0 and 1";

  private ProfileReader() {}

  static SimProfile read(Path file) {
    String where = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(where, "profile file not found", "check the path, e.g. data/sim/demo-profile.yaml");
    }
    try {
      return parse(Files.readString(file), where);
    } catch (IOException e) {
      throw new BadInputException(where, "cannot be read: " + e.getMessage(), "check its permissions", e);
    }
  }

  static SimProfile parse(String yaml, String where) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JacksonException e) {
      throw new BadInputException(where, YamlErrors.describe(e),
          YamlErrors.fix(e, "correct the YAML syntax there (indentation, a missing colon or quote)"), e);
    }
    YamlFields f = new YamlFields(where, "", root);
    double timeScale = f.number("time_scale", 1.0, 0.0, 1000.0, "use e.g. 1 (real time) or 0.1 (ten times faster)");
    long seed = f.longValue("seed", 42, Long.MIN_VALUE, "write a whole number, e.g. 42");
    long idleCloseMs = f.longValue("idle_close_ms", 0, 0, "write a whole number of ms, e.g. 5000, or 0 to never close");
    int blockTokens = f.integer("cache_block_tokens", SimProfile.DEFAULT_CACHE_BLOCK_TOKENS, 1,
        "write the prefix cache's block size in tokens, e.g. 16 (vLLM's default)");
    List<SimProvider> providers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> paths = new HashSet<>();
    for (YamlFields p : f.objects("providers", "list at least one provider with a name, path and models")) {
      SimProvider provider = provider(p);
      if (!names.add(provider.name())) throw p.error("name", "repeats `" + provider.name() + "`", "give each provider its own name");
      if (!paths.add(provider.path())) throw p.error("path", "repeats `" + provider.path() + "`", "give each provider its own path");
      providers.add(provider);
    }
    f.finish();
    return new SimProfile(timeScale, seed, idleCloseMs, providers, blockTokens);
  }

  private static SimProvider provider(YamlFields p) {
    String name = p.requiredString("name", "name the provider, e.g. `name: Provider 1`");
    String path = p.requiredString("path", "give its URL prefix, e.g. `path: /p1`");
    if (!path.matches("/[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*")) {
      throw p.error("path", "must look like `/p1` (a slash, then letters, digits, . _ ~ -), got `" + path + "`",
          "write e.g. `path: /p1`");
    }
    List<SimModel> models = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlFields m : p.objects("models", "list the models it serves, each with an `id`")) {
      SimModel model = model(m);
      if (!ids.add(model.id())) throw m.error("id", "repeats `" + model.id() + "`", "list each model once per provider");
      models.add(model);
    }
    p.finish();
    return new SimProvider(name, path, models);
  }

  private static SimModel model(YamlFields m) {
    SimModel model = new SimModel(
        m.requiredString("id", "give the model id clients send, e.g. `id: llama3-1-8b`"),
        distribution(m, "ttft_ms", DEFAULTS.ttftMs(), 0),
        distribution(m, "tokens_per_s", DEFAULTS.tokensPerS(), 0.001),
        m.integer("max_concurrency", DEFAULTS.maxConcurrency(), 1, "write a whole number of requests, e.g. 4"),
        Math.min(m.integer("retry_after_s", DEFAULTS.retryAfterS(), 0, "write whole seconds, e.g. 1"), 86_400),
        rate(m, "rate_429"),
        rate(m, "rate_5xx"),
        rate(m, "rate_truncate"),
        rate(m, "rate_hang"),
        m.longValue("hang_ms", DEFAULTS.hangMs(), 0, "write whole ms, e.g. 120000"),
        rate(m, "rate_malformed"),
        rate(m, "judge_error_rate"),
        rate(m, "rate_400"),
        m.bool("tool_calls", DEFAULTS.toolCalls()),
        distribution(m, "reasoning_ms", DEFAULTS.reasoningMs(), 0),
        m.bool("usage", DEFAULTS.usage()),
        m.bool("prefix_cache", DEFAULTS.prefixCache()),
        drift(m),
        capacity(m),
        m.number("prefill_tokens_per_s", DEFAULTS.prefillTokensPerS(), 0, Double.MAX_VALUE,
            "write prompt tokens read per second, e.g. 5000, or 0 for no prefill time"),
        text(m));
    double faults = model.rate429() + model.rate5xx() + model.rateTruncate() + model.rateHang() + model.rateMalformed()
        + model.rate400();
    if (faults > 1.0 + 1e-9) {
      throw m.error("", "fault rates add up to " + faults + " (rate_429 + rate_5xx + rate_truncate + rate_hang"
          + " + rate_malformed + rate_400)", "lower them so their sum is at most 1");
    }
    m.finish();
    return model;
  }

  /** {@code drift: {from_hour, to_hour, latency_factor, judge_error_add}}; absent means none. */
  private static Drift drift(YamlFields m) {
    YamlFields d = m.object("drift");
    if (d == null) return Drift.NONE;
    Drift out = Drift.between(
        hour(d, "from_hour", "write a UTC hour from 0 to 23, e.g. 12"),
        hour(d, "to_hour", "write the UTC hour the window ends, 1 to 24, e.g. 18"),
        d.number("latency_factor", 1.0, 0.01, 100, "write how many times slower, e.g. 1.4 (1 for no change)"),
        d.number("judge_error_add", 0.0, 0, 1, RATE));
    d.finish();
    return out;
  }

  private static int hour(YamlFields d, String key, String fix) {
    if (!d.has(key)) throw d.missing(key, fix);
    int hour = d.integer(key, 0, 0, fix);
    if (hour > 24 || (hour == 24 && key.equals("from_hour"))) throw d.error(key, "is " + hour + ", not an hour of the day", fix);
    return hour;
  }

  /** {@code capacity: {slots, batch_slowdown, degrade_above, degraded_judge_error_rate}}, or null when absent. */
  private static Capacity capacity(YamlFields m) {
    YamlFields c = m.object("capacity");
    if (c == null) return null;
    String slotsFix = "write the requests served at once, e.g. `slots: 8`";
    if (!c.has("slots")) throw c.missing("slots", slotsFix);
    Capacity out = new Capacity(
        c.integer("slots", 1, 1, slotsFix),
        c.number("batch_slowdown", 0.0, 0, 100, "use e.g. 0.5 (a full batch serves 1.5 times slower)"),
        c.integer("degrade_above", 0, 0, "write requests in flight, e.g. 12, or 0 to never degrade"),
        c.number("degraded_judge_error_rate", 0.0, 0, 1, RATE));
    c.finish();
    return out;
  }

  /** {@code text: {weights, shift}}, or {@link TextWeights#NONE} when absent. */
  private static TextWeights text(YamlFields m) {
    YamlFields t = m.object("text");
    if (t == null) return TextWeights.NONE;
    TextWeights out = new TextWeights(
        t.requiredString("weights", "name the weights whose text it samples, e.g. `weights: llama-3.1-405b`"),
        t.number("shift", 0.0, 0, 10, "use 0 (the weights' own text) to about 0.5 (a subtle change)"));
    t.finish();
    return out;
  }

  private static double rate(YamlFields m, String key) {
    return m.number(key, 0.0, 0, 1, RATE);
  }

  /** {@code key: {median, sigma}}, or a plain number for a fixed value (sigma 0). */
  private static LogNormal distribution(YamlFields m, String key, LogNormal fallback, double minMedian) {
    String fix = "write `{median: " + fallback.median() + ", sigma: 0.1}` or a plain number";
    JsonNode raw = m.raw(key);
    if (raw != null && raw.isNumber()) return new LogNormal(m.number(key, null, minMedian, Double.MAX_VALUE, fix), 0);
    YamlFields d = m.object(key);
    if (d == null) return fallback;
    LogNormal out = new LogNormal(
        d.number("median", fallback.median(), minMedian, Double.MAX_VALUE, fix),
        d.number("sigma", fallback.sigma(), 0, 5, "use 0 (no spread) to about 0.5"));
    d.finish();
    return out;
  }
}
