package dev.provbench.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.input.PromptTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code LLMJudge}: a scorer that asks a judge model to pick a letter for the cell's output, then maps the letter to a
 * score by {@code choice_scores}. The one scorer that is not a pure function: run and rescore call the judge (see
 * {@code run.JudgeCaller}); this record is its settings, as the job reader resolved them (a {@code provider:} turned
 * into its endpoint and price, a {@code template:} file into its text). Holds text only, so it ships to executors;
 * compiled prompts are cached per JVM.
 *
 * @param model        the judge model's id; required.
 * @param provider     the job's provider the judge is served by ({@code provider:}), or null for an endpoint of its own;
 *                     a run asks that provider at its current endpoint (so a run moved onto the simulated providers
 *                     moves its judge too).
 * @param baseUrl      the endpoint {@code /chat/completions} is appended to; the named provider's, or the option's.
 * @param apiKeyEnv    the environment variable holding the judge's key, read on each executor; null for none.
 * @param headers      extra request headers; the named provider's, else none.
 * @param concurrency  judge calls in flight at once; default {@value #DEFAULT_CONCURRENCY}; at least 1. How it is split
 *                     over a run's shares is {@code run.JudgeSlots}'s rule.
 * @param prompt       the mustache prompt over the case's input fields plus {@code {{output}}} (also
 *                     {@code {{extracted}}}: the text the other scorers judge) and {@code {{expected}}} (the case's
 *                     expected value as text); these three override case fields of the same name. Default: the
 *                     factuality judge's prompt of {@code data/templates/factuality.yaml}.
 * @param choiceScores letter → score in [0, 1]; default OpenAI evals' {@code fact}: A 0.4, B 0.6, C 1, D 0, E 1. When
 *                     the prompt lists its options as {@code (A) …} lines, each letter has a score and no other.
 * @param inputPer1M   US dollars per million prompt tokens, or null when unpriced (then cost is null).
 * @param outputPer1M  US dollars per million completion tokens, or null when unpriced.
 * @param maxTokens    {@code max_tokens} of a judge request; default {@value #DEFAULT_MAX_TOKENS}.
 */
public record LlmJudge(String model, String provider, String baseUrl, String apiKeyEnv, Map<String, String> headers, int concurrency,
    String prompt, Map<String, Double> choiceScores, Double inputPer1M, Double outputPer1M, int maxTokens)
    implements Serializable {
  public static final String NAME = "LLMJudge";
  public static final int DEFAULT_CONCURRENCY = 4;
  public static final int DEFAULT_MAX_TOKENS = 1024;
  /** OpenAI evals' {@code fact} eval (and autoevals' Factuality). */
  public static final Map<String, Double> FACT_CHOICE_SCORES = factChoiceScores();
  /** The options of a resolved spec; a job file also takes {@code template}, which its reader resolves. */
  static final Set<String> OPTIONS = Set.of("model", "provider", "base_url", "api_key_env", "headers", "concurrency", "prompt",
      "choice_scores", "price", "max_tokens");
  private static final String DEFAULT_PROMPT_RESOURCE = "factuality-judge.mustache";
  private static final Pattern EXPECTED = Pattern.compile("\\{\\{[{&#^]?\\s*expected\\b");
  private static final Pattern OFFERED = Pattern.compile("(?m)^[ \\t]*\\(([A-Z])\\)\\s");
  private static final ObjectMapper JSON = new ObjectMapper();

  public LlmJudge {
    headers = Map.copyOf(headers);
    choiceScores = Collections.unmodifiableMap(new LinkedHashMap<>(choiceScores));
  }

  /** The factuality judge's prompt, as {@code data/templates/factuality.yaml} has it. */
  public static String defaultPrompt() {
    try (InputStream in = LlmJudge.class.getResourceAsStream(DEFAULT_PROMPT_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the default judge prompt is missing from the build", e);
    }
  }

  /**
   * The judge of a resolved options object.
   *
   * @throws IllegalArgumentException naming the option, what is wrong and how to fix it.
   */
  static LlmJudge of(JsonNode o) {
    String model = text(o, "model", "name the judge model, e.g. `model: gpt-4o-mini`");
    String baseUrl = text(o, "base_url", "name one of the job's providers with `provider:`, or give the judge's own `base_url:`");
    String keyEnv = o.has("api_key_env") ? text(o, "api_key_env", "name the variable holding the judge's key") : null;
    int concurrency = integer(o, "concurrency", DEFAULT_CONCURRENCY);
    int maxTokens = integer(o, "max_tokens", DEFAULT_MAX_TOKENS);
    String prompt = o.has("prompt") ? text(o, "prompt", "give the judge's mustache prompt") : defaultPrompt();
    try {
      PromptTemplates.compiled(prompt);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("option `prompt` is not a valid mustache template: " + e.getMessage()
          + "; close every {{#section}} with {{/section}}");
    }
    Map<String, Double> scores = o.has("choice_scores") ? choiceScores(o.get("choice_scores")) : FACT_CHOICE_SCORES;
    checkLetters(prompt, scores);
    Double in = null;
    Double out = null;
    if (o.has("price")) {
      JsonNode p = o.get("price");
      if (!p.isObject()) throw new IllegalArgumentException("option `price` must be `{input_per_1m: …, output_per_1m: …}`, got " + p);
      in = price(p, "input_per_1m");
      out = price(p, "output_per_1m");
    }
    String provider = o.has("provider") ? text(o, "provider", "name one of the job's providers") : null;
    return new LlmJudge(model, provider, baseUrl, keyEnv, headers(o), concurrency, prompt, scores, in, out, maxTokens);
  }

  /** The prompt for one cell. @throws com.samskivert.mustache.MustacheException when it uses a field the case lacks. */
  public String render(Answer answer) {
    Map<String, Object> context = new LinkedHashMap<>();
    JsonNode fields = answer.fields();
    if (fields != null && fields.isObject()) context.putAll(JSON.convertValue(fields, Map.class));
    else context.put("input", fields == null ? null : JSON.convertValue(fields, Object.class));
    context.put("output", answer.output());
    context.put("extracted", answer.output());
    context.put("expected", answer.expectedText());
    return PromptTemplates.compiled(prompt).execute(context);
  }

  /** The letters the judge may answer, in order. */
  public List<String> letters() {
    return List.copyOf(choiceScores.keySet());
  }

  /** Whether the prompt reads the case's expected value. */
  boolean needsExpected() {
    return EXPECTED.matcher(prompt).find();
  }

  private static Map<String, Double> factChoiceScores() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("A", 0.4);
    m.put("B", 0.6);
    m.put("C", 1.0);
    m.put("D", 0.0);
    m.put("E", 1.0);
    return Collections.unmodifiableMap(m);
  }

  /** When the prompt lists its options, {@code choice_scores} scores exactly those letters. */
  private static void checkLetters(String prompt, Map<String, Double> scores) {
    List<String> offered = new ArrayList<>();
    Matcher m = OFFERED.matcher(prompt);
    while (m.find()) if (!offered.contains(m.group(1))) offered.add(m.group(1));
    if (offered.isEmpty()) return;
    for (String letter : scores.keySet()) {
      if (!offered.contains(letter)) {
        throw new IllegalArgumentException("option `choice_scores` has `" + letter + "`, which the prompt does not offer (it offers "
            + String.join(", ", offered) + "); remove it or add a `(" + letter + ") …` line to the prompt");
      }
    }
    for (String letter : offered) {
      if (!scores.containsKey(letter)) {
        throw new IllegalArgumentException("option `choice_scores` has no score for `" + letter + "`, which the prompt offers;"
            + " add `" + letter + ": <score>`");
      }
    }
  }

  private static Map<String, Double> choiceScores(JsonNode v) {
    if (!v.isObject() || v.isEmpty()) {
      throw new IllegalArgumentException("option `choice_scores` must map each letter to a score, e.g. `{A: 0.4, C: 1}`, got " + v);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().matches("[A-Z]")) {
        throw new IllegalArgumentException("option `choice_scores` has `" + e.getKey() + "`, which is not one capital letter;"
            + " use the prompt's option letters A, B, C, …");
      }
      double s = e.getValue().asDouble(Double.NaN);
      if (!e.getValue().isNumber() || s < 0 || s > 1) {
        throw new IllegalArgumentException("option `choice_scores." + e.getKey() + "` must be a number from 0 to 1, got " + e.getValue());
      }
      out.put(e.getKey(), s);
    }
    return out;
  }

  private static Map<String, String> headers(JsonNode o) {
    JsonNode h = o.get("headers");
    if (h == null || h.isNull()) return Map.of();
    if (!h.isObject()) throw new IllegalArgumentException("option `headers` must map header names to text, got " + h);
    Map<String, String> out = new LinkedHashMap<>();
    h.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static String text(JsonNode o, String key, String fix) {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) throw new IllegalArgumentException("option `" + key + "` is missing: " + fix);
    if (!v.isTextual() || v.asText().isBlank()) throw new IllegalArgumentException("option `" + key + "` must be text: " + fix);
    return v.asText();
  }

  private static int integer(JsonNode o, String key, int fallback) {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) return fallback;
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
      throw new IllegalArgumentException("option `" + key + "` must be a whole number of at least 1, got " + v
          + "; e.g. `" + key + ": " + fallback + "`");
    }
    return v.asInt();
  }

  private static Double price(JsonNode p, String key) {
    JsonNode v = p.get(key);
    if (v == null || v.isNull()) return 0.0;
    if (!v.isNumber() || v.asDouble() < 0) {
      throw new IllegalArgumentException("option `price." + key + "` must be a number of US dollars of at least 0, got " + v);
    }
    return v.asDouble();
  }

  /** Option names for error messages. */
  static Set<String> optionNames() {
    return new TreeSet<>(OPTIONS);
  }
}
