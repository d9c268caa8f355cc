package dev.provbench.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every scorer a job may name, its options, and how it is built from a {@link ScorerSpec}. The one place a scorer
 * name meets its class: the job reader validates through {@link #create} and executors build through it too.
 */
public final class ScorerCatalog {
  /** Scorer types, in the order docs/JOBS.md lists them. {@code CorrectScore} is the reference task's NumericDiff. */
  public static final List<String> TYPES = List.of(NumericDiff.NAME, NumericDiff.TYPE, NonNull.NAME, ExactMatch.NAME,
      Levenshtein.NAME, ValidJson.NAME, JsonDiff.NAME, RegexMatch.NAME, ListContains.NAME, LlmJudge.NAME);
  private static final Set<String> TEXT_OPTIONS = Set.of("ignore_case", "ignore_whitespace", "ignore_punctuation");
  /** The options each type takes; any other option is an error. */
  private static final Map<String, Set<String>> OPTIONS = Map.of(
      ExactMatch.NAME, TEXT_OPTIONS, Levenshtein.NAME, TEXT_OPTIONS, ListContains.NAME, TEXT_OPTIONS,
      ValidJson.NAME, Set.of("schema"), RegexMatch.NAME, Set.of("pattern"), LlmJudge.NAME, LlmJudge.OPTIONS);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Scorers are immutable and thread-safe: one per spec per JVM, so a schema compiles once, not once per cell. */
  private static final Map<ScorerSpec, Scorer> BUILT = new ConcurrentHashMap<>();
  private static final Map<ScorerSpec, LlmJudge> JUDGES = new ConcurrentHashMap<>();

  private ScorerCatalog() {}

  /** The scorer of a spec, built once per JVM; as {@link #create}. */
  public static Scorer cached(ScorerSpec spec) {
    return BUILT.computeIfAbsent(spec, ScorerCatalog::create);
  }

  /** Whether the scorer calls a model ({@link LlmJudge}): not a pure function of the answer, so not built by {@link #create}. */
  public static boolean callsModel(ScorerSpec spec) {
    return LlmJudge.NAME.equals(spec.type());
  }

  /** The judge of an {@link LlmJudge} spec, read once per JVM; as {@link #judge}. */
  public static LlmJudge cachedJudge(ScorerSpec spec) {
    return JUDGES.computeIfAbsent(spec, ScorerCatalog::judge);
  }

  /**
   * The settings of an {@link LlmJudge} spec whose options the job reader resolved.
   *
   * @throws IllegalArgumentException naming the bad option and why.
   */
  public static LlmJudge judge(ScorerSpec spec) {
    if (!callsModel(spec)) throw new IllegalArgumentException("scorer `" + spec.name() + "` is not an " + LlmJudge.NAME);
    return LlmJudge.of(checkedOptions(spec));
  }

  /** Validates a spec of any type: builds the scorer, or reads the judge's settings. */
  public static void check(ScorerSpec spec) {
    if (callsModel(spec)) judge(spec);
    else create(spec);
  }

  /** Whether the scorer reads the case's {@code expected} value (so every case must have one). */
  public static boolean needsExpected(ScorerSpec spec) {
    return switch (spec.type()) {
      case LlmJudge.NAME -> cachedJudge(spec).needsExpected();
      case NonNull.NAME, ValidJson.NAME -> false;
      case RegexMatch.NAME -> !options(spec).has("pattern");
      default -> true;
    };
  }

  /** The options a type accepts, for error messages. */
  public static Set<String> optionNames(String type) {
    return OPTIONS.getOrDefault(type, Set.of());
  }

  /**
   * Builds the scorer.
   *
   * @throws IllegalArgumentException naming the unknown type or the bad option and why.
   */
  public static Scorer create(ScorerSpec spec) {
    JsonNode o = checkedOptions(spec);
    return switch (spec.type()) {
      case NumericDiff.NAME, NumericDiff.TYPE -> new NumericDiff();
      case NonNull.NAME -> new NonNull();
      case ExactMatch.NAME -> new ExactMatch(normal(o));
      case Levenshtein.NAME -> new Levenshtein(normal(o));
      case ListContains.NAME -> new ListContains(normal(o));
      case JsonDiff.NAME -> new JsonDiff();
      case ValidJson.NAME -> new ValidJson(o.has("schema") ? schema(o.get("schema")) : null);
      case RegexMatch.NAME -> new RegexMatch(o.has("pattern") ? pattern(o.get("pattern")) : null);
      case LlmJudge.NAME -> throw new IllegalArgumentException(LlmJudge.NAME + " calls a model: read it with judge()");
      default -> throw new IllegalArgumentException("unknown scorer `" + spec.type() + "`");
    };
  }

  private static JsonNode checkedOptions(ScorerSpec spec) {
    JsonNode o = options(spec);
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!optionNames(spec.type()).contains(k)) {
        throw new IllegalArgumentException("option `" + k + "` is not one of " + spec.type() + "'s ("
            + (optionNames(spec.type()).isEmpty() ? "it takes none" : String.join(", ", new TreeSet<>(optionNames(spec.type())))) + ")");
      }
    }
    return o;
  }

  private static TextNormal normal(JsonNode o) {
    return new TextNormal(flag(o, "ignore_case"), flag(o, "ignore_whitespace"), flag(o, "ignore_punctuation"));
  }

  private static boolean flag(JsonNode o, String key) {
    JsonNode v = o.get(key);
    if (v == null) return false;
    if (!v.isBoolean()) throw new IllegalArgumentException("option `" + key + "` must be true or false, got " + v);
    return v.asBoolean();
  }

  private static Pattern pattern(JsonNode v) {
    if (!v.isTextual()) throw new IllegalArgumentException("option `pattern` must be text, got " + v);
    try {
      return Pattern.compile(v.asText());
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("option `pattern` is not a regular expression: " + e.getDescription());
    }
  }

  private static Schema schema(JsonNode v) {
    JsonNode s = v;
    if (v.isTextual()) {
      s = JsonText.parse(v.asText());
      if (s == null) throw new IllegalArgumentException("option `schema` is not valid JSON: " + JsonText.problem(v.asText()));
    }
    try {
      return ValidJson.compile(s);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("option `schema` is not a JSON schema: " + e.getMessage());
    }
  }

  private static JsonNode options(ScorerSpec spec) {
    try {
      JsonNode o = JSON.readTree(spec.options() == null ? "{}" : spec.options());
      return o == null || !o.isObject() ? JSON.createObjectNode() : o;
    } catch (IOException e) {
      throw new IllegalArgumentException("options are not JSON: " + e.getMessage());
    }
  }
}
