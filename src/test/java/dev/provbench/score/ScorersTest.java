package dev.provbench.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every scorer on a table of (output, expected) pairs: one line per case, unicode, empty, huge and malformed included. */
class ScorersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HUGE = "a".repeat(200_000);

  /** @param expectedJson the case's expected value as JSON text, or null for none. */
  private static void test(double score, String type, String options, String output, String expectedJson) {
    Scorer scorer = ScorerCatalog.create(new ScorerSpec(type, type, options));
    Answer answer = new Answer(output, json(expectedJson), JSON.createObjectNode());
    assertEquals(score, scorer.score(answer).value(), 1e-9, type + " " + options + ": " + shorten(output) + " vs " + shorten(expectedJson));
  }

  private static JsonNode json(String text) {
    try {
      return text == null ? null : JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String shorten(String s) {
    return s == null || s.length() < 60 ? s : s.substring(0, 60) + "...";
  }

  @Test
  void numericDiff() {
    test(0.75, "NumericDiff", "{}", "1", "0.6");
    test(1, "NumericDiff", "{}", " 0.6 ", "\"0.6\"");
    test(0, "NumericDiff", "{}", "six", "0.6");
    test(0, "NumericDiff", "{}", null, "0.6");
    test(0, "NumericDiff", "{}", "1", "\"high\"");
    test(1, "CorrectScore", "{}", "0", "0");
  }

  @Test
  void nonNull() {
    test(1, "NonNull", "{}", "", null);
    test(1, "NonNull", "{}", HUGE, null);
    test(0, "NonNull", "{}", null, "1");
  }

  @Test
  void exactMatch() {
    test(1, "ExactMatch", "{}", "Paris", "\"Paris\"");
    test(1, "ExactMatch", "{}", "  Paris \n", "\"Paris\"");
    test(0, "ExactMatch", "{}", "paris", "\"Paris\"");
    test(1, "ExactMatch", "{\"ignore_case\": true}", "PARIS", "\"paris\"");
    test(1, "ExactMatch", "{\"ignore_case\": true}", "STRASSE", "\"strasse\"");
    test(1, "ExactMatch", "{}", "New   York", "\"New York\"");
    test(0, "ExactMatch", "{}", "NewYork", "\"New York\"");
    test(1, "ExactMatch", "{\"ignore_whitespace\": true}", "NewYork", "\"New York\"");
    test(0, "ExactMatch", "{}", "Paris.", "\"Paris\"");
    test(1, "ExactMatch", "{\"ignore_punctuation\": true}", "Paris!", "\"«Paris»\"");
    test(1, "ExactMatch", "{}", "Cafe\u0301", "\"Café\"");
    test(1, "ExactMatch", "{}", "東京 🚀", "\"東京 🚀\"");
    test(1, "ExactMatch", "{}", "42", "42");
    test(0, "ExactMatch", "{}", "", "\"Paris\"");
    test(0, "ExactMatch", "{}", null, "\"Paris\"");
    test(0, "ExactMatch", "{}", "Paris", null);
    test(1, "ExactMatch", "{}", HUGE, "\"" + HUGE + "\"");
  }

  @Test
  void levenshtein() {
    test(1, "Levenshtein", "{}", "kitten", "\"kitten\"");
    test(1 - 3.0 / 7, "Levenshtein", "{}", "kitten", "\"sitting\"");
    test(0, "Levenshtein", "{}", "abc", "\"xyz\"");
    test(1, "Levenshtein", "{}", "", "\"\"");
    test(0, "Levenshtein", "{}", "", "\"abc\"");
    test(0.75, "Levenshtein", "{}", "🚀🚀🚀x", "\"🚀🚀🚀🚀\"");
    test(1, "Levenshtein", "{\"ignore_case\": true}", "ABC", "\"abc\"");
    test(0, "Levenshtein", "{}", null, "\"abc\"");
    test(1, "Levenshtein", "{}", HUGE, "\"" + HUGE + "\"");
  }

  @Test
  void validJson() {
    test(1, "ValidJSON", "{}", "{\"a\": 1}", null);
    test(1, "ValidJSON", "{}", "[1, \"ü\"]", null);
    test(1, "ValidJSON", "{}", "3", null);
    test(0, "ValidJSON", "{}", "{\"a\": 1", null);
    test(0, "ValidJSON", "{}", "{\"a\": 1} trailing", null);
    test(0, "ValidJSON", "{}", "{'a': 1}", null);
    test(0, "ValidJSON", "{}", "", null);
    test(0, "ValidJSON", "{}", null, null);
    String schema = "{\"schema\": {\"type\": \"object\", \"required\": [\"answer\"], \"properties\": {\"answer\": {\"type\": \"string\"}}}}";
    test(1, "ValidJSON", schema, "{\"answer\": \"Paris\"}", null);
    test(0, "ValidJSON", schema, "{\"answer\": 3}", null);
    test(0, "ValidJSON", schema, "{\"other\": \"Paris\"}", null);
    test(1, "ValidJSON", "{}", "[" + "1,".repeat(100_000) + "1]", null);
  }

  @Test
  void aSchemaFailureSaysWhy() {
    Scorer s = ScorerCatalog.create(new ScorerSpec("ValidJSON", "v", "{\"schema\": {\"type\": \"object\", \"required\": [\"answer\"]}}"));
    String note = s.score(new Answer("{}", null, JSON.createObjectNode())).note();
    assertTrue(note.contains("answer"), note);
  }

  @Test
  void jsonDiff() {
    test(1, "JSONDiff", "{}", "{\"a\": 1, \"b\": \"x\"}", "{\"b\": \"x\", \"a\": 1}");
    test(0.5, "JSONDiff", "{}", "{\"a\": 1}", "{\"a\": 1, \"b\": 2}");
    test(0.9, "JSONDiff", "{}", "[1, 2]", "[1, 3]");
    test(0.5, "JSONDiff", "{}", "[\"a\", \"b\"]", "[\"a\", \"c\"]");
    test(0.5, "JSONDiff", "{}", "{\"a\": [true, false]}", "{\"a\": [true, true]}");
    test(1, "JSONDiff", "{}", "{\"a\": 1}", "\"{\\\"a\\\": 1}\"");
    test(0, "JSONDiff", "{}", "not json", "{\"a\": 1}");
    test(0, "JSONDiff", "{}", "{\"a\": 1}", null);
    test(1, "JSONDiff", "{}", "{\"ü\": \"東京\"}", "{\"ü\": \"東京\"}");
    test(0, "JSONDiff", "{}", null, "{}");
  }

  /** The primary score is the first scorer other than NonNull, else NonNull itself. */
  @Test
  void thePrimaryScore() {
    ScorerSpec exact = new ScorerSpec("ExactMatch", "exact", "{}");
    ScorerSpec nonNull = new ScorerSpec("NonNull", "NonNull", "{}");
    Answer paris = new Answer("Paris", JSON.getNodeFactory().textNode("Rome"), JSON.createObjectNode());
    assertEquals(0.0, Scores.of(List.of(nonNull, exact), paris).correct());
    assertEquals(1.0, Scores.of(List.of(nonNull), paris).correct(), "NonNull alone is the primary");
    assertEquals(0.0, Scores.of(List.of(nonNull), new Answer(null, null, JSON.createObjectNode())).correct());
  }

  @Test
  void regexMatch() {
    test(1, "RegexMatch", "{\"pattern\": \"^\\\\d{4}-\\\\d{2}-\\\\d{2}$\"}", "2024-05-01", null);
    test(0, "RegexMatch", "{\"pattern\": \"^\\\\d{4}-\\\\d{2}-\\\\d{2}$\"}", "May 1st", null);
    test(1, "RegexMatch", "{}", "the answer is Paris", "\"Par(is)?\"");
    test(0, "RegexMatch", "{}", "anything", "\"([unclosed\"");
    test(0, "RegexMatch", "{}", "anything", null);
    test(1, "RegexMatch", "{\"pattern\": \"🚀\"}", "go 🚀", null);
    test(0, "RegexMatch", "{\"pattern\": \"x\"}", null, null);
  }

  @Test
  void listContains() {
    test(1, "ListContains", "{}", "Paris and Lyon", "[\"Paris\", \"Lyon\"]");
    test(0.5, "ListContains", "{}", "Paris only", "[\"Paris\", \"Lyon\"]");
    test(1, "ListContains", "{}", "[\"Lyon\", \"Paris\"]", "[\"Paris\", \"Lyon\"]");
    test(0, "ListContains", "{}", "[\"Parisian\"]", "[\"Paris\"]");
    test(1, "ListContains", "{\"ignore_case\": true}", "PARIS", "\"paris\"");
    test(0, "ListContains", "{}", "Paris", "[]");
    test(1, "ListContains", "{}", "[1, 2]", "[2]");
    test(0, "ListContains", "{}", null, "[\"Paris\"]");
    test(1, "ListContains", "{}", HUGE + " 東京", "[\"東京\"]");
  }

  @Test
  void badOptionsAreRefusedWithTheirName() {
    assertEquals("option `ignore_cse` is not one of ExactMatch's (ignore_case, ignore_punctuation, ignore_whitespace)",
        assertThrows(IllegalArgumentException.class, () -> ScorerCatalog.create(new ScorerSpec("ExactMatch", "e", "{\"ignore_cse\": true}"))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> ScorerCatalog.create(new ScorerSpec("RegexMatch", "r", "{\"pattern\": \"(\"}")));
    assertThrows(IllegalArgumentException.class, () -> ScorerCatalog.create(new ScorerSpec("ValidJSON", "v", "{\"schema\": 12}")));
    assertThrows(IllegalArgumentException.class, () -> ScorerCatalog.create(new ScorerSpec("ValidJSON", "v", "{\"schema\": \"{not json\"}")));
    assertThrows(IllegalArgumentException.class, () -> ScorerCatalog.create(new ScorerSpec("Nope", "n", "{}")));
  }

  @Test
  void thePrimaryScoreIsTheFirstThatIsNotNonNull() {
    Scores s = Scores.of(List.of(ScorerSpec.of("NonNull"), ScorerSpec.of("ExactMatch"), ScorerSpec.of("Levenshtein")),
        new Answer("Pariss", JSON.getNodeFactory().textNode("Paris"), JSON.createObjectNode()));
    assertEquals(0.0, s.correct());
    assertEquals(1.0, s.nonNull());
    assertEquals(List.of("NonNull", "ExactMatch", "Levenshtein"), s.all().stream().map(NamedScore::scorer).toList());
    assertEquals(5.0 / 6, s.all().get(2).score(), 1e-9);
  }
}
