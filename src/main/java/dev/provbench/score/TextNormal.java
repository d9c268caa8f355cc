package dev.provbench.score;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How text is made comparable before matching: always Unicode NFC and trimmed; optionally case-folded, stripped of
 * all whitespace, stripped of punctuation.
 *
 * @param ignoreCase        compare case-insensitively ({@code ignore_case}); default false.
 * @param ignoreWhitespace  drop all whitespace ({@code ignore_whitespace}); default false: runs of whitespace count
 *                          as one space.
 * @param ignorePunctuation drop Unicode punctuation ({@code ignore_punctuation}); default false.
 */
public record TextNormal(boolean ignoreCase, boolean ignoreWhitespace, boolean ignorePunctuation) {
  public static final TextNormal EXACT = new TextNormal(false, false, false);
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern PUNCT = Pattern.compile("\\p{P}");

  public String apply(String s) {
    String t = Normalizer.normalize(s, Normalizer.Form.NFC);
    if (ignorePunctuation) t = PUNCT.matcher(t).replaceAll("");
    t = SPACE.matcher(t.strip()).replaceAll(ignoreWhitespace ? "" : " ");
    return ignoreCase ? t.toLowerCase(Locale.ROOT) : t;
  }
}
