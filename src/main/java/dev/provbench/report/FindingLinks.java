package dev.provbench.report;

import dev.provbench.analysis.Experiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The experiments a finding names, so the page can link it to their cells: within each sentence of the finding,
 * every experiment of the run whose provider and size both occur as words ("Provider 3 is slowest at 405b" names
 * Provider 3 at 405b). Each link opens the kind of cells the sentence is about: failed cells for a sentence about
 * failures, the slowest for speed, the lowest-scored for accuracy, disagreeing trials for consistency.
 */
final class FindingLinks {
  /** Sentences end with a full stop before the next capital; decimals have no space after their point. */
  private static final Pattern SENTENCES = Pattern.compile("(?<=\\.)\\s+(?=[A-Z])");

  /**
   * @param experiment the experiment's id ({@link ExperimentFigures#id}).
   * @param label      {@code Provider 3 at 405b}.
   * @param kind       the cells to open first: {@code failed}, {@code slowest}, {@code lowest} or {@code disagreeing}.
   */
  record Link(String experiment, String label, String kind) {
    /** What the link opens, e.g. {@code the slowest calls}. */
    String opens() {
      return switch (kind) {
        case "failed" -> "the failed calls";
        case "lowest" -> "the lowest-scored calls";
        case "disagreeing" -> "the disagreeing trials";
        default -> "the slowest calls";
      };
    }
  }

  private FindingLinks() {}

  /** The links of {@code finding} to those of {@code experiments} it names, in the order they are named. */
  static List<Link> of(String finding, List<Experiment> experiments) {
    Map<String, Link> links = new LinkedHashMap<>();
    for (String sentence : SENTENCES.split(finding)) {
      String kind = kind(sentence);
      for (Experiment e : experiments) {
        if (names(sentence, e.provider()) && names(sentence, e.size())) {
          String id = ExperimentFigures.id(e);
          links.putIfAbsent(id, new Link(id, e.label(), kind));
        }
      }
    }
    return new ArrayList<>(links.values());
  }

  /** Whether {@code word} occurs in {@code sentence} not as part of a longer word ({@code P1} is not in {@code P10}). */
  static boolean names(String sentence, String word) {
    return Pattern.compile("(?<![\\w.])" + Pattern.quote(word) + "(?!\\w)").matcher(sentence).find();
  }

  static String kind(String sentence) {
    String s = sentence.toLowerCase(Locale.ROOT);
    if (s.contains("fail")) return "failed";
    if (s.contains("slow") || s.contains("fast") || s.contains("speed") || s.contains("duration")) return "slowest";
    if (s.contains("accura") || s.contains("score")) return "lowest";
    if (s.contains("agree") || s.contains("consisten")) return "disagreeing";
    return "slowest";
  }
}
