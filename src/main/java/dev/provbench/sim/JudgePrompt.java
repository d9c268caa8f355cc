package dev.provbench.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a factuality judge prompt asks, read from its text alone: the question, the expert answer and
 * the submission between {@code [BEGIN DATA]} and {@code [END DATA]}, and the offered letters, the
 * {@code (A) ...} lines after the data (A to E when there are none). Immutable.
 *
 * @param question   the {@code [Question]} value; may span several lines (a story, then the question).
 * @param expert     the {@code [Expert]} value.
 * @param submission the {@code [Submission]} value; may be empty.
 * @param choices    the offered letters in prompt order.
 */
record JudgePrompt(String question, String expert, String submission, List<String> choices) {
  static final List<String> DEFAULT_CHOICES = List.of("A", "B", "C", "D", "E");
  private static final String BEGIN = "[BEGIN DATA]";
  private static final String END = "[END DATA]";
  private static final Pattern SEPARATOR = Pattern.compile("(?m)^[ \\t]*\\*{3,}[ \\t]*$");
  private static final Pattern LABELLED = Pattern.compile("(?s)^\\s*\\[(\\w+)\\]:[ \\t]?(.*)$");
  private static final Pattern CHOICE = Pattern.compile("(?m)^[ \\t]*\\(([A-Z])\\)\\s");

  JudgePrompt {
    choices = List.copyOf(choices);
  }

  /** The prompt's data, or empty when the markers or one of the three fields are missing. */
  static Optional<JudgePrompt> parse(String text) {
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END, Math.max(begin, 0));
    if (begin < 0 || end < 0) return Optional.empty();
    Map<String, String> fields = new HashMap<>();
    for (String section : SEPARATOR.split(text.substring(begin + BEGIN.length(), end))) {
      Matcher m = LABELLED.matcher(section);
      if (m.matches()) fields.putIfAbsent(m.group(1), m.group(2).strip());
    }
    if (!fields.containsKey("Question") || !fields.containsKey("Expert") || !fields.containsKey("Submission")) {
      return Optional.empty();
    }
    return Optional.of(new JudgePrompt(fields.get("Question"), fields.get("Expert"), fields.get("Submission"),
        choices(text.substring(end))));
  }

  /** The question itself: the last paragraph of the question field, which follows any story. */
  String lastParagraph() {
    String[] paragraphs = question.strip().split("\\n\\s*\\n");
    return paragraphs[paragraphs.length - 1];
  }

  private static List<String> choices(String afterData) {
    List<String> out = new ArrayList<>();
    Matcher m = CHOICE.matcher(afterData);
    while (m.find()) if (!out.contains(m.group(1))) out.add(m.group(1));
    return out.isEmpty() ? DEFAULT_CHOICES : out;
  }
}
