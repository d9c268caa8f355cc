package dev.provbench.job;

import dev.provbench.input.BadInputException;
import dev.provbench.input.YamlErrors;
import dev.provbench.input.YamlFields;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a job file into an immutable {@link Job}, validating every field once. Errors name the file
 * and field and say how to fix it. Environment checks (API keys) are separate: {@link #checkKeys}.
 */
public final class JobReader {
  public static final List<String> SCORERS = List.of("CorrectScore", "NonNull");
  private static final Pattern SIZE = Pattern.compile("(?i)(?<![0-9a-z.])(\\d+(?:\\.\\d+)?)b(?![a-z0-9])");
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final int DEFAULT_CONCURRENCY = 3;
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private JobReader() {}

  public static Job read(Path file) {
    String where = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(where, "job file not found", "check the path, e.g. jobs/llama31-providers.yaml");
    }
    JsonNode root;
    try {
      root = YamlErrors.strictMapper().readTree(file.toFile());
    } catch (JacksonException e) {
      throw new BadInputException(where, YamlErrors.describe(e),
          YamlErrors.fix(e, "correct the YAML syntax there (indentation, a missing colon or quote)"), e);
    } catch (IOException e) {
      throw new BadInputException(where, "cannot be read: " + e.getMessage(), "check its permissions", e);
    }
    return parse(file, root);
  }

  static Job parse(Path file, JsonNode root) {
    String where = file.toString();
    Path dir = file.toAbsolutePath().getParent();
    YamlFields f = new YamlFields(where, "", root);
    String baseName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    String name = f.string("name", baseName);
    String runId = f.string("run_id", null);
    if (runId != null) checkRunId(where + ": run_id", runId);
    else runId = defaultRunId(name);
    Path dataset = dir.resolve(f.requiredString("dataset", "name the cases file, e.g. `dataset: ../data/factuality.json`"));
    if (!Files.isRegularFile(dataset)) {
      throw f.error("dataset", "file not found: " + dataset.normalize(), "check the path; it is relative to the job file's folder");
    }
    Path output = dir.resolve(f.string("output", "results")).normalize();
    TaskSpec task = task(f, dir);
    List<String> scorers = f.strings("scorers", SCORERS);
    for (String s : scorers) {
      if (!SCORERS.contains(s)) {
        String near = YamlFields.nearest(s, SCORERS);
        throw f.error("scorers", "unknown scorer `" + s + "`", near != null ? "did you mean `" + near + "`?"
            : "use any of " + String.join(", ", SCORERS));
      }
    }
    int trials = f.integer("trials", 3, 1, "run each case at least once, e.g. `trials: 3`");
    int concurrency = f.integer("concurrency", DEFAULT_CONCURRENCY, 1, "allow at least one request in flight per model");
    int partitions = f.integer("partitions_per_model", 1, 1, "use at least one partition per model");
    Timeouts timeouts = timeouts(f.object("timeouts"));
    RetryPolicy retry = retry(f.object("retry"));
    CommitPolicy commit = commit(f.object("commit"));
    List<ProviderSpec> providers = providers(f, concurrency);
    f.finish();
    for (ProviderSpec p : providers) {
      for (ModelSpec m : p.models()) {
        if (partitions > m.concurrency()) {
          throw f.error("partitions_per_model", "is " + partitions + " but model " + m.id() + " of " + p.name()
              + " allows only " + m.concurrency() + " in flight", "use at most as many partitions as the smallest concurrency");
        }
      }
    }
    return new Job(file, name, runId, dataset, output, task, scorers, trials, partitions, timeouts, retry, commit,
        providers);
  }

  /** Rejects a run id that cannot name a results folder. */
  public static void checkRunId(String where, String runId) {
    if (!RUN_ID.matcher(runId).matches()) {
      throw new BadInputException(where, "`" + runId + "` is not a valid run id",
          "use letters, digits, dot, dash and underscore only, starting with a letter or digit");
    }
  }

  public static String defaultRunId(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "-");
    return safe + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }

  /** Infers a size label such as {@code 70b} from a model id, or {@code unknown}. */
  public static String inferSize(String modelId) {
    Matcher m = SIZE.matcher(modelId);
    String found = null;
    while (m.find()) found = m.group(1);
    return found == null ? "unknown" : found.toLowerCase(Locale.ROOT) + "b";
  }

  /** Fails when a provider's API key variable is unset or empty; reads only whether it is set. */
  public static void checkKeys(Job job, Map<String, String> env) {
    for (int i = 0; i < job.providers().size(); i++) {
      ProviderSpec p = job.providers().get(i);
      if (p.apiKeyEnv() == null) continue;
      String value = env.get(p.apiKeyEnv());
      String where = job.file() + ": providers[" + i + "].api_key_env";
      if (value == null || value.isBlank()) {
        throw new BadInputException(where, "environment variable " + p.apiKeyEnv() + " (API key of " + p.name() + ") is not set",
            "export " + p.apiKeyEnv() + "=<your key> before running, or remove api_key_env for an endpoint without a key");
      }
      int bad = firstUnsendable(value, false);
      if (bad >= 0) {
        // Says where and what, never the key itself.
        throw new BadInputException(where, "environment variable " + p.apiKeyEnv() + " (API key of " + p.name() + ") holds "
            + describeChar(value, bad) + " at position " + (bad + 1) + " of " + value.length() + ", which cannot be sent",
            "export it again without spaces, quotes or line breaks");
      }
    }
  }

  private static TaskSpec task(YamlFields root, Path dir) {
    YamlFields t = root.object("task");
    if (t == null) throw root.missing("task", "add `task:` with at least `template: ../data/templates/factuality.yaml`");
    Path template = dir.resolve(t.requiredString("template", "name the judge template, e.g. `template: ../data/templates/factuality.yaml`"));
    if (!Files.isRegularFile(template)) {
      throw t.error("template", "file not found: " + template.normalize(), "check the path; it is relative to the job file's folder");
    }
    String type = t.string("type", "factuality");
    if (!type.equals("factuality")) throw t.error("type", "unknown task `" + type + "`", "use `factuality`");
    double temperature = t.number("temperature", 0.0, 0, 2, "use a temperature between 0 and 2");
    int maxTokens = t.integer("max_tokens", 2048, 1, "allow at least one output token, e.g. 2048");
    boolean stream = t.bool("stream", true);
    boolean cacheBust = t.bool("cache_bust", false);
    t.finish();
    return new TaskSpec(template, temperature, maxTokens, stream, cacheBust);
  }

  private static Timeouts timeouts(YamlFields t) {
    if (t == null) return Timeouts.DEFAULTS;
    Timeouts d = Timeouts.DEFAULTS;
    String fix = "give milliseconds, e.g. 60000";
    Timeouts out = new Timeouts(t.longValue("connect_ms", d.connectMs(), 1, fix), t.longValue("read_ms", d.readMs(), 1, fix),
        t.longValue("call_ms", d.callMs(), 0, "give milliseconds, or 0 for no limit"));
    t.finish();
    return out;
  }

  private static RetryPolicy retry(YamlFields r) {
    if (r == null) return RetryPolicy.DEFAULTS;
    RetryPolicy d = RetryPolicy.DEFAULTS;
    RetryPolicy out = new RetryPolicy(
        r.integer("max_attempts", d.maxAttempts(), 1, "allow at least one attempt (1 means no retry)"),
        r.longValue("initial_backoff_ms", d.initialBackoffMs(), 0, "give milliseconds, e.g. 500"),
        r.longValue("max_backoff_ms", d.maxBackoffMs(), 0, "give milliseconds, e.g. 30000"),
        r.number("jitter", d.jitter(), 0, 1, "give a share between 0 and 1, e.g. 0.5"));
    r.finish();
    return out;
  }

  private static CommitPolicy commit(YamlFields c) {
    if (c == null) return CommitPolicy.DEFAULTS;
    CommitPolicy d = CommitPolicy.DEFAULTS;
    CommitPolicy out = new CommitPolicy(
        c.integer("every_cells", d.everyCells(), 1, "commit after at least one cell, e.g. 200"),
        c.longValue("every_seconds", d.everySeconds(), 1, "commit at least every few seconds, e.g. 30"));
    c.finish();
    return out;
  }

  private static List<ProviderSpec> providers(YamlFields root, int defaultConcurrency) {
    List<ProviderSpec> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlFields p : root.objects("providers", "list at least one provider with name, base_url and models")) {
      String name = p.requiredString("name", "give the provider a display name, e.g. `name: Provider 1`");
      if (!names.add(name)) throw p.error("name", "duplicate provider name `" + name + "`", "give each provider its own name");
      String baseUrl = baseUrl(p, true);
      String keyEnv = p.string("api_key_env", null);
      if (keyEnv != null && !keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw p.error("api_key_env", "`" + keyEnv + "` is not an environment variable name",
            "name the variable that holds the key (e.g. FIREWORKS_API_KEY), never the key itself");
      }
      Map<String, String> headers = p.stringMap("headers");
      headers.forEach((h, value) -> checkHeader(p, h, value));
      int concurrency = p.integer("concurrency", defaultConcurrency, 1, "allow at least one request in flight per model");
      List<ModelSpec> models = models(p, concurrency);
      RateLimit limit = rateLimit(p.object("rate_limit"));
      p.finish();
      out.add(new ProviderSpec(name, baseUrl, keyEnv, headers, models, limit));
    }
    return out;
  }

  private static RateLimit rateLimit(YamlFields r) {
    if (r == null) return RateLimit.NONE;
    RateLimit out = new RateLimit(
        r.number("requests_per_minute", 0.0, 0, Double.MAX_VALUE, "give requests per minute, or 0 for no limit"),
        r.number("tokens_per_minute", 0.0, 0, Double.MAX_VALUE, "give tokens per minute, or 0 for no limit"));
    r.finish();
    return out;
  }

  private static void checkHeader(YamlFields p, String name, String value) {
    if (name.equalsIgnoreCase("authorization")) {
      throw p.error("headers." + name, "the Authorization header is set from api_key_env", "remove it and set api_key_env");
    }
    if (!HEADER_NAME.matcher(name).matches()) {
      throw p.error("headers." + name, "is not a valid HTTP header name", "use letters, digits and dashes, e.g. `X-Team`");
    }
    int bad = firstUnsendable(value, true);
    if (bad >= 0) {
      throw p.error("headers." + name, "value has a character that cannot be sent in an HTTP header (" + describeChar(value, bad)
          + " at position " + (bad + 1) + ")", "use printable ASCII on one line");
    }
  }

  /**
   * The index of the first character HTTP/1.1 cannot carry in a header value, or -1. A key ({@code isValue}
   * false) also has no spaces or quotes: those come from copying it with its surroundings.
   */
  private static int firstUnsendable(String value, boolean isValue) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = c > 0x20 && c < 0x7f && (isValue || c != '"' && c != '\'') || isValue && (c == ' ' || c == '\t');
      if (!ok) return i;
    }
    return -1;
  }

  private static String describeChar(String s, int i) {
    char c = s.charAt(i);
    if (c == '\n') return "a line break";
    if (c == '\r') return "a carriage return";
    if (c == ' ' || c == '\t') return "a space or tab";
    if (c == '"' || c == '\'') return "a quote";
    return c < 0x20 || c == 0x7f ? "a control character" : "a non-ASCII character";
  }

  private static String baseUrl(YamlFields p, boolean required) {
    String url = required
        ? p.requiredString("base_url", "give the OpenAI-compatible endpoint, e.g. `base_url: https://api.together.xyz/v1`")
        : p.string("base_url", null);
    if (url == null) return null;
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw p.error("base_url", "`" + url + "` is not an http(s) URL with a host",
            "write it as https://host[:port]/path, e.g. https://api.fireworks.ai/inference/v1");
      }
      if (uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
        throw p.error("base_url", "must hold no user, password or query", "put the key in the variable named by api_key_env");
      }
      if (uri.getPath() != null && uri.getPath().replaceAll("/+$", "").endsWith("/chat/completions")) {
        throw p.error("base_url", "`" + url + "` ends with /chat/completions, which provbench appends itself",
            "end it before /chat/completions, e.g. https://api.together.xyz/v1");
      }
    } catch (URISyntaxException e) {
      throw p.error("base_url", "`" + url + "` is not a valid URL (" + e.getReason() + ")",
          "write it as https://host[:port]/path");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static List<ModelSpec> models(YamlFields p, int defaultConcurrency) {
    List<ModelSpec> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlFields m : p.objects("models", "list the models this provider serves, each with an `id`")) {
      String id = m.requiredString("id", "give the model id the provider expects, e.g. `id: llama3-1-8b`");
      if (!ids.add(id)) throw m.error("id", "duplicate model id `" + id + "` at this provider", "list each model once");
      String size = m.string("size", inferSize(id)).toLowerCase(Locale.ROOT);
      Price price = null;
      YamlFields pr = m.object("price");
      if (pr != null) {
        String fix = "give US dollars per million tokens, zero or more";
        price = new Price(pr.number("input_per_1m", 0.0, 0, Double.MAX_VALUE, fix),
            pr.number("output_per_1m", 0.0, 0, Double.MAX_VALUE, fix));
        pr.finish();
      }
      Double perHour = m.number("cost_per_hour", null, 0, Double.MAX_VALUE, "give US dollars per hour, zero or more");
      if (price != null && perHour != null) {
        throw m.error("cost_per_hour", "a model has either a price list or a cost per hour, not both", "remove one of them");
      }
      int concurrency = m.integer("concurrency", defaultConcurrency, 1, "allow at least one request in flight per model");
      String ownUrl = baseUrl(m, false);
      m.finish();
      out.add(new ModelSpec(id, size, price, perHour, concurrency, ownUrl));
    }
    return out;
  }
}
