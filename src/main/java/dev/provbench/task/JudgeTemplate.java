package dev.provbench.task;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.provbench.input.BadInputException;
import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import dev.provbench.input.YamlErrors;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A judge template in the autoevals shape: a mustache {@code prompt} and the {@code choice_scores}
 * that map each choice letter to a score. Holds text only, so it can be shipped to executors.
 *
 * @param prompt       the mustache text, rendered with HTML escaping off.
 * @param choiceScores choice → score, in file order.
 */
public record JudgeTemplate(String prompt, Map<String, Double> choiceScores) implements Serializable {
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\{?\\s*([#^/&]?)\\s*([\\w.]+)\\s*}?}}");

  public JudgeTemplate {
    choiceScores = Collections.unmodifiableMap(new LinkedHashMap<>(choiceScores));
  }

  public static JudgeTemplate load(Path file) {
    return load(StoragePath.local(file));
  }

  /** Loads a template from a local path or any Hadoop file system ({@code hdfs://…}). */
  public static JudgeTemplate load(StoragePath file) {
    String where = file.toString();
    JsonNode root;
    try {
      root = YamlErrors.strictMapper().readTree(Storage.readString(file));
    } catch (JacksonException e) {
      throw new BadInputException(where, YamlErrors.describe(e), YamlErrors.fix(e, "correct the YAML syntax there"), e);
    } catch (IOException e) {
      throw new BadInputException(where, "template cannot be read: " + e.getMessage(), "check the `task.template` path", e);
    }
    if (root == null || !root.isObject()) {
      throw new BadInputException(where, "a template must be a mapping with `prompt` and `choice_scores`", "see data/templates/factuality.yaml");
    }
    JsonNode prompt = root.get("prompt");
    if (prompt == null || !prompt.isTextual() || prompt.asText().isBlank()) {
      throw missing(where, root, "prompt", "is missing or empty", "add `prompt: |` followed by the mustache text");
    }
    JsonNode scores = root.get("choice_scores");
    if (scores == null || !scores.isObject() || scores.isEmpty()) {
      throw missing(where, root, "choice_scores", "is missing",
          "add `choice_scores:` mapping each choice letter to a score, e.g. `A: 0.4`");
    }
    Map<String, Double> map = new LinkedHashMap<>();
    scores.properties().forEach(e -> {
      if (!e.getValue().isNumber() || !Double.isFinite(e.getValue().asDouble())) {
        throw new BadInputException(where + ": choice_scores." + e.getKey(), "must be a number, got `" + e.getValue().asText() + "`",
            "give each choice a numeric score, e.g. `C: 1`");
      }
      map.put(e.getKey(), e.getValue().asDouble());
    });
    return new JudgeTemplate(prompt.asText(), map);
  }

  private static BadInputException missing(String where, JsonNode root, String key, String problem, String fix) {
    List<String> present = new ArrayList<>();
    root.fieldNames().forEachRemaining(present::add);
    String near = root.has(key) ? null : YamlErrors.nearestKey(key, present);
    return near == null ? new BadInputException(where + ": " + key, problem, fix)
        : new BadInputException(where + ": " + key, "is missing, but there is `" + near + "`", "rename `" + near + "` to `" + key + "`");
  }

  /** The top-level variables the prompt uses, e.g. {@code input}, {@code output}, {@code expected}. */
  public Set<String> variables() {
    Set<String> out = new TreeSet<>();
    Matcher m = VARIABLE.matcher(prompt);
    while (m.find()) {
      if (m.group(1).equals("/")) continue;
      out.add(m.group(2).split("\\.")[0]);
    }
    out.remove(".");
    return out;
  }
}
