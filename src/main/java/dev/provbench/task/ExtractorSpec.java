package dev.provbench.task;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a chat task reads its output from a reply (the job's {@code task.extract}). Text only, shipped to executors.
 *
 * @param type     one of {@link #TYPES}; default {@value #TEXT}.
 * @param pattern  {@code regex}: the regular expression (Java syntax, Unicode classes; add {@code (?s)} to let {@code .}
 *                 cross lines); the first match is taken.
 * @param group    {@code regex}: the group to take; default 1 when the pattern has a group, else the whole match.
 * @param path     {@code json_path}: the path into the reply's JSON; {@code tool_call} and {@code function_text}: the
 *                 path into the call's arguments (default: the whole arguments as JSON text).
 * @param function {@code tool_call} and {@code function_text}: the function whose call is read; default the first call.
 * @param map      extracted text → the output stored instead, e.g. a choice letter to its score {@code A: "0.4"};
 *                 empty for none. With a map, text not in it is a parse error.
 * @param example  a sample reply (a mustache template over the first case's fields) the extractor must find a value
 *                 in, checked before any request; null for no check.
 */
public record ExtractorSpec(String type, String pattern, Integer group, String path, String function, Map<String, String> map,
    String example) implements Serializable {
  public static final String TEXT = "text";
  public static final String REGEX = "regex";
  public static final String JSON_PATH = "json_path";
  public static final String TOOL_CALL = "tool_call";
  public static final String FUNCTION_TEXT = "function_text";
  public static final List<String> TYPES = List.of(TEXT, REGEX, JSON_PATH, TOOL_CALL, FUNCTION_TEXT);
  public static final ExtractorSpec WHOLE_TEXT = new ExtractorSpec(TEXT, null, null, null, null, Map.of(), null);

  public ExtractorSpec {
    map = Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
