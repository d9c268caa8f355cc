package dev.provbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated section of docs/RELIABILITY.md, between {@code <!-- begin NAME -->} and {@code <!-- end NAME -->}.
 * A test measures its table, writes it to target/reliability/NAME.md and checks that the doc holds exactly
 * that; with {@code -Dreliability.updateDocs=true} it rewrites the section instead.
 */
final class DocSection {
  static final Path DOC = Path.of("docs/RELIABILITY.md");

  private DocSection() {}

  static void check(String name, String markdown) {
    try {
      Path out = Path.of("target/reliability/" + name + ".md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, markdown);
      String doc = Files.readString(DOC);
      String begin = "<!-- begin " + name + " -->\n";
      String end = "<!-- end " + name + " -->";
      int from = doc.indexOf(begin);
      int to = doc.indexOf(end);
      assertTrue(from >= 0 && to > from, DOC + " lacks the markers of section " + name);
      if (Boolean.getBoolean("reliability.updateDocs")) {
        Files.writeString(DOC, doc.substring(0, from + begin.length()) + markdown + doc.substring(to));
        return;
      }
      assertEquals(markdown, doc.substring(from + begin.length(), to), DOC + " section " + name
          + " is out of date: run the reliability tests with -Dreliability.updateDocs=true (measured: " + out + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A markdown table row: cells joined with pipes. */
  static String row(Object... cells) {
    StringBuilder sb = new StringBuilder("|");
    for (Object c : cells) sb.append(' ').append(String.valueOf(c).replace("|", "\\|")).append(" |");
    return sb.append('\n').toString();
  }
}
