package dev.provbench.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The content words of an answer, normalised so that style does not count as a difference: lower case,
 * punctuation dropped, number words written as digits ({@code Forty-eight} is {@code 48}), plural
 * {@code s}, possessive {@code 's} and past {@code ed} stripped, and function words (articles, pronouns,
 * auxiliaries, prepositions) left out. Stateless; thread-safe.
 */
final class AnswerTokens {
  private static final Set<String> FUNCTION_WORDS = Set.of(
      "a", "an", "the", "he", "she", "it", "they", "them", "his", "her", "its", "their", "i", "we", "you",
      "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
      "of", "to", "from", "at", "in", "on", "for", "by", "with", "and", "or", "per", "each", "this", "that",
      "which", "who", "whom", "what", "when", "where", "how");
  private static final List<String> UNITS = List.of("zero", "one", "two", "three", "four", "five", "six",
      "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
      "seventeen", "eighteen", "nineteen");
  private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40,
      "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);

  private AnswerTokens() {}

  /** The normalised content words of {@code text}, in order of first appearance. */
  static Set<String> of(String text) {
    return spelled(text).keySet();
  }

  /** Each normalised content word of {@code text} with the word it came from, for reasons people read. */
  static Map<String, String> spelled(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String word : numbersAsDigits(words(text))) {
      String stem = stem(word);
      if (!stem.isEmpty() && !FUNCTION_WORDS.contains(stem)) out.putIfAbsent(stem, word);
    }
    return out;
  }

  private static List<String> words(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    // Apostrophes inside words survive (valley's); every other non-letter, non-digit splits words.
    String cleaned = lower.replaceAll("[^\\p{L}\\p{N}']+", " ").replaceAll("(?<![\\p{L}\\p{N}])'|'(?![\\p{L}\\p{N}])", " ");
    List<String> out = new ArrayList<>();
    for (String w : cleaned.trim().split("\\s+")) if (!w.isEmpty()) out.add(w);
    return out;
  }

  /** Joins runs of number words: {@code forty eight} becomes {@code 48}, {@code two hundred} {@code 200}. */
  private static List<String> numbersAsDigits(List<String> words) {
    List<String> out = new ArrayList<>();
    Long run = null;
    for (String w : words) {
      Long value = UNITS.contains(w) ? Long.valueOf(UNITS.indexOf(w)) : TENS.containsKey(w) ? Long.valueOf(TENS.get(w)) : null;
      if (value != null) {
        run = run == null ? value : run + value;
      } else if (run != null && (w.equals("hundred") || w.equals("thousand"))) {
        run *= w.equals("hundred") ? 100 : 1000;
      } else {
        if (run != null) out.add(run.toString());
        run = null;
        out.add(w);
      }
    }
    if (run != null) out.add(run.toString());
    return out;
  }

  private static String stem(String w) {
    if (w.endsWith("'s")) w = w.substring(0, w.length() - 2);
    w = w.replace("'", "");
    if (w.length() > 4 && w.endsWith("ed")) w = w.substring(0, w.length() - 2);
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.substring(0, w.length() - 1);
    return w;
  }
}
