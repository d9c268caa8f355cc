package dev.provbench.job;

import com.fasterxml.jackson.core.JacksonException;
import java.util.ArrayList;
import java.util.List;

/** Turns a YAML parser's multi-line report into one line with its position. */
public final class YamlErrors {
  private YamlErrors() {}

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
