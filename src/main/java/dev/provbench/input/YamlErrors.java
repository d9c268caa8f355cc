package dev.provbench.input;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a YAML parser's multi-line report into one line with its position, and says how to fix it. */
public final class YamlErrors {
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

  private YamlErrors() {}

  /** A YAML mapper that rejects a key given twice in one mapping (YAML would keep the last silently). */
  public static ObjectMapper strictMapper() {
    return new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  }

  /** The key among {@code candidates} that {@code word} most likely misspells, or null. */
  public static String nearestKey(String word, Collection<String> candidates) {
    return YamlFields.nearest(word, candidates.stream().filter(c -> !c.equals(word)).toList());
  }

  /** The fix for this parse error: {@code otherwise} unless the error says something more precise. */
  public static String fix(JacksonException e, String otherwise) {
    Matcher m = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
    return m.find() ? "give `" + m.group(1) + "` once in that mapping (YAML keeps only the last one)" : otherwise;
  }

  public static String describe(JacksonException e) {
    String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
        + e.getLocation().getColumnNr();
    List<String> lines = new ArrayList<>();
    for (String line : String.valueOf(e.getOriginalMessage()).split("\n")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) lines.add(line.trim());
    }
    return "invalid YAML" + at + ": " + String.join("; ", lines);
  }
}
