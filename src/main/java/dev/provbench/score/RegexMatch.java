package dev.provbench.score;

import java.util.regex.Pattern;

/**
 * {@code RegexMatch}: 1 when the pattern is found anywhere in the output, else 0. The pattern is the scorer's
 * {@code pattern} option, else the case's expected text (so each case can carry its own).
 *
 * @param pattern the compiled option, or null to use the expected text.
 */
public record RegexMatch(Pattern pattern) implements Scorer {
  public static final String NAME = "RegexMatch";

  @Override
  public Score score(Answer a) {
    if (a.output() == null) return NO_OUTPUT;
    Pattern p = pattern;
    if (p == null) {
      if (a.expectedText() == null) return new Score(0, "no pattern and no expected value");
      try {
        p = Pattern.compile(a.expectedText());
      } catch (RuntimeException e) {
        return new Score(0, "expected is not a regular expression");
      }
    }
    return new Score(p.matcher(a.output()).find() ? 1 : 0, null);
  }
}
