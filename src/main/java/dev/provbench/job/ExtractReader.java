package dev.provbench.job;

import dev.provbench.input.YamlFields;
import dev.provbench.task.Extractor;
import dev.provbench.task.ExtractorSpec;
import dev.provbench.task.JsonPath;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/** Reads a chat task's {@code extract:} block (or {@code extract: text}); left out, the whole answer text is the output. */
final class ExtractReader {
  private ExtractReader() {}

  static ExtractorSpec read(YamlFields task) {
    if (!task.has("extract")) return ExtractorSpec.WHOLE_TEXT;
    if (task.raw("extract").isTextual()) {
      String type = type(task, "extract", task.raw("extract").asText());
      if (!type.equals(ExtractorSpec.TEXT) && !type.equals(ExtractorSpec.TOOL_CALL) && !type.equals(ExtractorSpec.FUNCTION_TEXT)) {
        throw task.error("extract", "`" + type + "` needs options", "write `extract: {type: " + type + ", "
            + (type.equals(ExtractorSpec.REGEX) ? "pattern: ..." : "path: $.answer") + "}`");
      }
      return new ExtractorSpec(type, null, null, null, null, Map.of(), null);
    }
    YamlFields e = task.object("extract");
    String type = type(e, "type", e.requiredString("type", "name the extractor: one of " + String.join(", ", ExtractorSpec.TYPES)));
    String pattern = null;
    Integer group = null;
    String path = null;
    String function = null;
    if (type.equals(ExtractorSpec.REGEX)) {
      pattern = e.requiredString("pattern", "give the regular expression, e.g. `pattern: 'Answer: (\\w+)'`");
      int groups;
      try {
        groups = Extractor.compile(pattern).matcher("").groupCount();
      } catch (PatternSyntaxException x) {
        throw e.error("pattern", "is not a regular expression: " + x.getDescription(), "fix the pattern (Java syntax)");
      }
      group = e.has("group") ? e.integer("group", 1, 0, "give a group number, 0 for the whole match") : null;
      if (group != null && group > groups) {
        throw e.error("group", "the pattern has " + groups + " group(s), not " + group, "use a group between 0 and " + groups);
      }
    }
    if (type.equals(ExtractorSpec.JSON_PATH)) path = path(e, e.requiredString("path", "give the path to the answer, e.g. `path: $.answer`"));
    if (type.equals(ExtractorSpec.TOOL_CALL) || type.equals(ExtractorSpec.FUNCTION_TEXT)) {
      path = e.has("argument") ? path(e, e.string("argument", null)) : null;
      function = e.string("function", null);
    }
    Map<String, String> map = e.stringMap("map");
    String example = e.string("example", null);
    e.finish();
    return new ExtractorSpec(type, pattern, group, path, function, map, example);
  }

  private static String type(YamlFields f, String key, String type) {
    if (ExtractorSpec.TYPES.contains(type)) return type;
    String near = YamlFields.nearest(type, ExtractorSpec.TYPES);
    throw f.error(key, "unknown extractor `" + type + "`", near != null ? "did you mean `" + near + "`?"
        : "use one of " + String.join(", ", ExtractorSpec.TYPES));
  }

  private static String path(YamlFields e, String path) {
    try {
      JsonPath.parse(path);
      return path;
    } catch (IllegalArgumentException x) {
      throw e.error(e.has("path") ? "path" : "argument", x.getMessage(), "write a path such as `$.answer` or `$.items[0].name`");
    }
  }
}
