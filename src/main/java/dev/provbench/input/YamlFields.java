package dev.provbench.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the fields of one YAML mapping with their path ({@code providers[1].models[0].price}), so every
 * error names the file and the field. {@link #finish()} rejects keys that were never read and suggests
 * the nearest known one. One per mapping; not thread-safe.
 */
public final class YamlFields {
  private final String file;
  private final String path;
  private final JsonNode node;
  private final Set<String> known = new HashSet<>();

  public YamlFields(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
    if (node == null || !node.isObject()) {
      throw error("", "must be a mapping of keys to values, got " + describe(node), "write it as `key: value` lines");
    }
  }

  public String where(String key) {
    String field = path.isEmpty() ? key : key.isEmpty() ? path : path + "." + key;
    return field.isEmpty() ? file : file + ": " + field;
  }

  public BadInputException error(String key, String problem, String fix) {
    return new BadInputException(where(key), problem, fix);
  }

  public boolean has(String key) {
    known.add(key);
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  public JsonNode raw(String key) {
    known.add(key);
    return node.get(key);
  }

  public String string(String key, String fallback) {
    if (!has(key)) return fallback;
    JsonNode v = node.get(key);
    if (!v.isValueNode()) throw error(key, "must be a text value, got " + describe(v), "write a single value");
    String s = v.asText().trim();
    return s.isEmpty() ? fallback : s;
  }

  public String requiredString(String key, String fix) {
    String s = string(key, null);
    if (s == null) throw missing(key, fix);
    return s;
  }

  /** A required key is absent: names a misspelling of it when one is there, else gives {@code fix}. */
  public BadInputException missing(String key, String fix) {
    List<String> present = new ArrayList<>();
    node.fieldNames().forEachRemaining(k -> {
      if (!k.equals(key)) present.add(k);
    });
    String near = nearest(key, present);
    if (near == null || node.hasNonNull(key)) return error(key, "is missing", fix);
    return error(key, "is missing, but there is `" + near + "`", "rename `" + near + "` to `" + key + "`");
  }

  public int integer(String key, int fallback, int min, String fix) {
    if (!has(key)) return fallback;
    JsonNode v = node.get(key);
    if (!v.isIntegralNumber()) throw error(key, "must be a whole number, got " + describe(v), fix);
    long n = v.asLong();
    if (n < min || n > Integer.MAX_VALUE) {
      throw error(key, "must be at least " + min + ", got " + v.asText(), fix);
    }
    return (int) n;
  }

  public long longValue(String key, long fallback, long min, String fix) {
    if (!has(key)) return fallback;
    JsonNode v = node.get(key);
    if (!v.isIntegralNumber()) throw error(key, "must be a whole number, got " + describe(v), fix);
    if (v.asLong() < min) throw error(key, "must be at least " + min + ", got " + v.asText(), fix);
    return v.asLong();
  }

  public Double number(String key, Double fallback, double min, double max, String fix) {
    if (!has(key)) return fallback;
    JsonNode v = node.get(key);
    if (!v.isNumber()) throw error(key, "must be a number, got " + describe(v), fix);
    double d = v.asDouble();
    if (d < min || d > max || Double.isNaN(d)) {
      String range = max == Double.MAX_VALUE ? "at least " + fmt(min) : "between " + fmt(min) + " and " + fmt(max);
      throw error(key, "must be " + range + ", got " + v.asText(), fix);
    }
    return d;
  }

  public boolean bool(String key, boolean fallback) {
    if (!has(key)) return fallback;
    JsonNode v = node.get(key);
    if (!v.isBoolean()) throw error(key, "must be true or false, got " + describe(v), "write true or false");
    return v.asBoolean();
  }

  public YamlFields object(String key) {
    return has(key) ? new YamlFields(file, childPath(key), node.get(key)) : null;
  }

  public List<YamlFields> objects(String key, String fix) {
    JsonNode v = raw(key);
    if (v == null || v.isNull()) throw missing(key, fix);
    if (!v.isArray() || v.isEmpty()) throw error(key, "must be a non-empty list, got " + describe(v), fix);
    List<YamlFields> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) out.add(new YamlFields(file, childPath(key) + "[" + i + "]", v.get(i)));
    return out;
  }

  public List<String> strings(String key, List<String> fallback) {
    if (!has(key)) return fallback;
    JsonNode v = node.get(key);
    if (!v.isArray()) throw error(key, "must be a list, got " + describe(v), "write it as [a, b]");
    List<String> out = new ArrayList<>();
    v.forEach(e -> out.add(e.asText()));
    return out;
  }

  public Map<String, String> stringMap(String key) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!has(key)) return out;
    JsonNode v = node.get(key);
    if (!v.isObject()) throw error(key, "must be a mapping, got " + describe(v), "write `Name: value` lines");
    v.properties().forEach(e -> {
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw error(key + "." + e.getKey(), "must be a text value, got " + describe(e.getValue()), "write `Name: value`");
      }
      out.put(e.getKey(), e.getValue().asText());
    });
    return out;
  }

  /** Rejects keys that no reader asked for, naming the closest known key. */
  public void finish() {
    node.fieldNames().forEachRemaining(k -> {
      if (!known.contains(k)) {
        String near = nearest(k, known);
        throw error(k, "is not a known field" + (near == null ? "" : " (did you mean `" + near + "`?)"),
            near == null ? "remove it; known fields here: " + String.join(", ", new TreeSet<>(known))
                : "rename it to `" + near + "`");
      }
    });
  }

  private String childPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public static String nearest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = EditDistance.of(word.toLowerCase(), c.toLowerCase());
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best != null && bestDistance <= Math.max(2, word.length() / 3) ? best : null;
  }

  public static String describe(JsonNode v) {
    if (v == null || v.isNull()) return "nothing";
    if (v.isObject()) return "a mapping";
    if (v.isArray()) return v.isEmpty() ? "an empty list" : "a list";
    return "`" + v.asText() + "`";
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
