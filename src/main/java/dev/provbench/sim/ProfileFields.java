package dev.provbench.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of one YAML mapping in a profile, read with their path ({@code providers[0].models[1].rate_429})
 * so every error names the file and the field. {@link #finish()} rejects keys never read (typos).
 * One per mapping; not thread-safe.
 */
final class ProfileFields {
  private final String file;
  private final String path;
  private final JsonNode node;
  private final Set<String> known = new HashSet<>();

  ProfileFields(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
    if (node == null || !node.isObject()) {
      throw error("", "must be a mapping of keys to values, got " + describe(node), "write it as `key: value` lines");
    }
  }

  SimProfileException error(String key, String problem, String fix) {
    String field = path.isEmpty() ? key : key.isEmpty() ? path : path + "." + key;
    return new SimProfileException(field.isEmpty() ? file : file + ": " + field, problem, fix);
  }

  private JsonNode value(String key) {
    known.add(key);
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v;
  }

  String requiredString(String key, String fix) {
    JsonNode v = value(key);
    if (v == null || v.asText().isBlank()) throw error(key, "is missing", fix);
    if (!v.isValueNode()) throw error(key, "must be a text value, got " + describe(v), fix);
    return v.asText().trim();
  }

  double number(String key, double fallback, double min, double max) {
    JsonNode v = value(key);
    if (v == null) return fallback;
    if (!v.isNumber()) throw error(key, "must be a number, got " + describe(v), "write a number such as " + fallback);
    double d = v.asDouble();
    if (!(d >= min && d <= max)) {
      String range = max == Double.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
      throw error(key, "must be " + range + ", got " + v.asText(), "use a value " + range);
    }
    return d;
  }

  long whole(String key, long fallback, long min) {
    JsonNode v = value(key);
    if (v == null) return fallback;
    if (!v.isIntegralNumber()) throw error(key, "must be a whole number, got " + describe(v), "write e.g. " + fallback);
    if (v.asLong() < min) throw error(key, "must be at least " + min + ", got " + v.asText(), "use " + min + " or more");
    return v.asLong();
  }

  ProfileFields object(String key) {
    JsonNode v = value(key);
    return v == null ? null : new ProfileFields(file, childPath(key), v);
  }

  List<ProfileFields> objects(String key, String fix) {
    JsonNode v = value(key);
    if (v == null) throw error(key, "is missing", fix);
    if (!v.isArray() || v.isEmpty()) throw error(key, "must be a non-empty list, got " + describe(v), fix);
    List<ProfileFields> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) out.add(new ProfileFields(file, childPath(key) + "[" + i + "]", v.get(i)));
    return out;
  }

  /** Rejects keys no reader asked for, listing the known ones. */
  void finish() {
    node.fieldNames().forEachRemaining(k -> {
      if (!known.contains(k)) {
        throw error(k, "is not a known field", "use one of " + String.join(", ", new TreeSet<>(known)));
      }
    });
  }

  private String childPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String describe(JsonNode v) {
    if (v == null || v.isNull()) return "nothing";
    if (v.isObject()) return "a mapping";
    if (v.isArray()) return "a list";
    return "`" + v.asText() + "`";
  }
}
