package dev.provbench.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provbench.input.YamlFields;
import dev.provbench.score.JsonText;
import dev.provbench.score.ValidJson;
import java.util.Set;

/**
 * Checks request fields passed through to the provider (a chat task's {@code params}, a model's {@code request}):
 * fields the run sets itself are refused, and {@code tools} must be OpenAI function tools whose {@code parameters}
 * is a JSON schema. A tool list may be written in YAML or as a string of JSON.
 */
final class RequestFields {
  /** Set by the run: the model id, the rendered messages, streaming. */
  private static final Set<String> RESERVED = Set.of("model", "messages", "stream", "stream_options");

  private RequestFields() {}

  /** The fields as a JSON object text, or null when the key is absent. */
  static String read(YamlFields parent, String key, Set<String> alsoRefused, String fixFor) {
    JsonNode v = parent.raw(key);
    if (v == null || v.isNull()) return null;
    if (!v.isObject()) throw parent.error(key, "must be a mapping of request fields, got " + YamlFields.describe(v), "write `top_p: 0.9` lines");
    ObjectNode fields = ((ObjectNode) v).deepCopy();
    for (String k : (Iterable<String>) () -> fields.fieldNames()) {
      if (RESERVED.contains(k)) throw parent.error(key + "." + k, "is set by the run", "remove it; `task.stream` decides streaming");
      if (alsoRefused.contains(k)) throw parent.error(key + "." + k, "has its own field", fixFor.replace("%s", k));
    }
    if (fields.has("tools")) fields.set("tools", tools(parent, key + ".tools", fields.get("tools")));
    return fields.toString();
  }

  private static JsonNode tools(YamlFields parent, String where, JsonNode tools) {
    if (tools.isTextual()) {
      JsonNode parsed = JsonText.parse(tools.asText());
      if (parsed == null) throw parent.error(where, "is not valid JSON: " + JsonText.problem(tools.asText()), "write the tool list as JSON or as YAML");
      tools = parsed;
    }
    if (tools.isNull()) return tools;
    if (!tools.isArray() || tools.isEmpty()) throw parent.error(where, "must be a non-empty list of tools", "write `- {type: function, function: {name: ..., parameters: {...}}}`");
    for (int i = 0; i < tools.size(); i++) {
      JsonNode t = tools.get(i);
      String at = where + "[" + i + "]";
      JsonNode fn = t.path("function");
      if (!"function".equals(t.path("type").asText()) || !fn.isObject() || !fn.path("name").isTextual()) {
        throw parent.error(at, "must be `{type: function, function: {name: ..., parameters: {...}}}`, got " + shorten(t.toString()),
            "give each tool `type: function` and a `function` with a `name`");
      }
      JsonNode params = fn.get("parameters");
      if (params == null) continue;
      if (params.isTextual()) {
        JsonNode parsed = JsonText.parse(params.asText());
        if (parsed == null) throw parent.error(at + ".function.parameters", "is not valid JSON: " + JsonText.problem(params.asText()), "write the schema as JSON or YAML");
        ((ObjectNode) fn).set("parameters", parsed);
        params = parsed;
      }
      try {
        ValidJson.compile(params);
      } catch (RuntimeException e) {
        throw parent.error(at + ".function.parameters", "is not a JSON schema: " + e.getMessage(),
            "give a JSON schema object, e.g. `{type: object, properties: {answer: {type: string}}}`");
      }
    }
    return tools;
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
