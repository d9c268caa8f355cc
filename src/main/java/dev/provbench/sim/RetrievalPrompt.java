package dev.provbench.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a retrieval question asks, read from the prompt's text alone: the question {@code What is the X of Y?} (its
 * last occurrence in the last user message; case is ignored throughout), the value the document states for it in a sentence
 * {@code The X of Y is Z.} (anywhere in the prompt), and the other values the document gives for the same X, the
 * distractors. Immutable.
 *
 * @param attribute   X, as the question writes it.
 * @param entity      Y, as the question writes it.
 * @param answer      Z of the first matching fact; null when the document states none.
 * @param distractors the values of {@code The X of <another entity> is ...} sentences, in document order, without
 *                    repeats and without {@code answer}; when there are none, the values of every other fact.
 */
record RetrievalPrompt(String attribute, String entity, String answer, List<String> distractors) {
  private static final Pattern QUESTION = Pattern.compile("What is the ([^?.\\n]+?) of ([^?.\\n]+)\\?", Pattern.CASE_INSENSITIVE);
  private static final String VALUE = "([^.\\n]+)\\.";
  private static final String ANY = "[^.\\n]+?";

  RetrievalPrompt {
    distractors = List.copyOf(distractors);
  }

  /** The question and the document's facts about it, or empty when the last user message asks no such question. */
  static Optional<RetrievalPrompt> parse(ChatRequest request) {
    Matcher q = QUESTION.matcher(request.lastUserContent());
    String attribute = null;
    String entity = null;
    while (q.find()) {
      attribute = q.group(1).strip();
      entity = q.group(2).strip();
    }
    if (attribute == null) return Optional.empty();
    String document = String.join("\n", request.messages().stream().map(ChatRequest.Message::content).toList());
    Matcher fact = fact(Pattern.quote(attribute), Pattern.quote(entity)).matcher(document);
    String answer = fact.find() ? fact.group(1).strip() : null;
    List<String> distractors = values(fact(Pattern.quote(attribute), ANY), document, answer);
    if (distractors.isEmpty()) distractors = values(fact(ANY, ANY), document, answer);
    return Optional.of(new RetrievalPrompt(attribute, entity, answer, distractors));
  }

  /** {@code The <attribute> of <entity> is (value).}, both given as patterns, ignoring case. */
  private static Pattern fact(String attribute, String entity) {
    return Pattern.compile("\\bThe " + attribute + " of " + entity + " is " + VALUE, Pattern.CASE_INSENSITIVE);
  }

  private static List<String> values(Pattern fact, String document, String except) {
    List<String> out = new ArrayList<>();
    Matcher m = fact.matcher(document);
    while (m.find()) {
      String v = m.group(1).strip();
      if (!v.equalsIgnoreCase(String.valueOf(except)) && !out.contains(v)) out.add(v);
    }
    return out;
  }
}
