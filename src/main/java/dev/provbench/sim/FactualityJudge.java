package dev.provbench.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated judge's rule: compares the content words ({@link AnswerTokens}) of the submission and the
 * expert answer. Words of the question itself are not facts, so restating the question adds or removes
 * nothing. Same words: C; submission's words all in the expert answer: A; expert's words all in the
 * submission: B; otherwise D. It never sees a gold label. Stateless; thread-safe.
 */
final class FactualityJudge {

  /** What a judge that errs says for each letter: plausible, and wrong by construction. */
  private static final Map<String, String> MISTAKEN_REASONS = Map.of(
      "A", "The submission gives only part of what the expert answer says, and nothing that contradicts it.",
      "B", "The submission includes the expert answer's facts and adds further details consistent with them.",
      "C", "The submission contains the same details as the expert answer, in different words.",
      "D", "The submission states something that does not match the expert answer.",
      "E", "The answers differ, but only in ways that do not matter for their factual content.");

  /** A judgement: the chosen letter and a one-sentence reason. */
  record Verdict(String choice, String reasons) {}

  private FactualityJudge() {}

  /** The rule's letter for a prompt's text, or D with a reason when the data cannot be read. */
  static Verdict rule(String promptText) {
    return JudgePrompt.parse(promptText).map(FactualityJudge::rule).orElse(new Verdict("D",
        "Could not find the question, expert answer and submission between [BEGIN DATA] and [END DATA],"
            + " so the two answers cannot be compared."));
  }

  static Verdict rule(JudgePrompt prompt) {
    Map<String, String> expertWords = AnswerTokens.spelled(prompt.expert());
    Map<String, String> submittedWords = AnswerTokens.spelled(prompt.submission());
    Set<String> expert = expertWords.keySet();
    Set<String> submitted = submittedWords.keySet();
    Set<String> question = AnswerTokens.of(prompt.lastParagraph());
    Set<String> missing = minus(minus(expert, submitted), question);
    Set<String> added = minus(minus(submitted, expert), question);
    Verdict verdict;
    if (submitted.isEmpty() && !expert.isEmpty()) {
      verdict = new Verdict("D", "The submission is empty, so it does not state the expert answer's facts.");
    } else if (missing.isEmpty() && added.isEmpty()) {
      verdict = new Verdict("C", "The submission and the expert answer state the same facts;"
          + " they differ at most in wording, word order or punctuation.");
    } else if (added.isEmpty() && overlaps(expert, submitted)) {
      verdict = new Verdict("A", "Every detail of the submission is in the expert answer, which also says: "
          + words(missing, expertWords) + ". The submission is a consistent subset.");
    } else if (missing.isEmpty()) {
      verdict = new Verdict("B", "The submission has every detail of the expert answer and adds: "
          + words(added, submittedWords) + ". It is a consistent superset.");
    } else {
      verdict = new Verdict("D", "The answers disagree: the expert answer says " + words(missing, expertWords)
          + " where the submission says " + (added.isEmpty() ? "only what the question asks" : words(added, submittedWords)) + ".");
    }
    return offered(verdict, prompt.choices());
  }

  /**
   * The rule's verdict, replaced with probability {@code errorRate} by another offered letter.
   *
   * @param errorDraw  uniform in [0, 1): below {@code errorRate} the judge errs.
   * @param letterDraw uniform in [0, 1): picks the wrong letter among the other offered ones.
   */
  static Verdict judge(String promptText, double errorRate, double errorDraw, double letterDraw) {
    Verdict right = rule(promptText);
    if (errorDraw >= errorRate) return right;
    List<String> others = new ArrayList<>(JudgePrompt.parse(promptText).map(JudgePrompt::choices)
        .orElse(JudgePrompt.DEFAULT_CHOICES));
    others.remove(right.choice());
    if (others.isEmpty()) return right;
    String wrong = others.get((int) (letterDraw * others.size()));
    return new Verdict(wrong, MISTAKEN_REASONS.getOrDefault(wrong, "On balance, option " + wrong + " fits best."));
  }

  /** A letter the prompt does not offer becomes its last offered letter. */
  private static Verdict offered(Verdict v, List<String> choices) {
    return choices.contains(v.choice()) ? v : new Verdict(choices.get(choices.size() - 1), v.reasons());
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.removeAll(b);
    return out;
  }

  private static boolean overlaps(Set<String> a, Set<String> b) {
    return a.stream().anyMatch(b::contains);
  }

  /** At most four words, so a reply stays near 50 tokens. */
  private static String words(Set<String> stems, Map<String, String> spelling) {
    List<String> list = stems.stream().map(spelling::get).toList();
    String shown = String.join(", ", list.subList(0, Math.min(4, list.size())));
    return list.size() > 4 ? shown + " and more" : shown;
  }
}
