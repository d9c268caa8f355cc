package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FactualityJudgeTest {

  @Test
  void comparesContentWordsOfSubmissionAndExpert() {
    judges("C", "Case 7", "Case 7", "Which case was it taken from?");                          // same
    judges("C", "Lionel Shaw", "lionel SHAW.", "Who ground the mirror?");                      // case, punctuation
    judges("C", "$40 a season", "$40 per season", "How much is a bed?");                       // function words
    judges("C", "48 hives", "Forty-eight hives", "How many hives are there?");                 // number words
    judges("C", "120 bowls", "He makes 120 bowls.", "How many bowls does Kenji make?");        // restates the question
    judges("C", "Gideon hosts a game", "A game, hosted by Gideon", "What happens?");          // order, inflection
    judges("A", "Harold Birch, a retired postman", "Harold Birch", "Who won the regatta?");    // subset
    judges("B", "Maple", "Maple, glued over six weeks", "What was it carved from?");           // superset
    judges("D", "114 steps", "96 steps", "How many steps did she climb?");                     // contradiction
    judges("D", "Gus", "The bakery opens at 5:30.", "What is the starter's name?");            // another fact
    judges("D", "Gus", "", "What is the starter's name?");                                      // empty submission
    judges("D", "Gus", "...", "What is the starter's name?");                                   // only punctuation
  }

  @Test
  void storyBeforeTheQuestionIsNotTakenAsTheQuestion() {
    String story = "Mirela climbed the 114 steps every evening for nineteen years.\n\nQuestion: How many steps?";
    assertEquals("B", FactualityJudge.rule(FactualityPrompts.render(story, "114 steps",
        "114 steps, every evening for nineteen years")).choice());
  }

  @Test
  void unreadablePromptGetsAWellFormedDisagreement() {
    FactualityJudge.Verdict v = FactualityJudge.rule("Hello, how are you?");
    assertEquals("D", v.choice());
    assertTrue(v.reasons().contains("[BEGIN DATA]"), v.reasons());
  }

  @Test
  void errsOnlyBelowTheErrorRateAndThenPicksAnotherOfferedLetter() {
    String prompt = FactualityPrompts.render("Q?", "Gus", "Gus");
    assertEquals("C", FactualityJudge.judge(prompt, 0.2, 0.5, 0.0).choice());
    for (double letter = 0; letter < 1; letter += 0.1) {
      String wrong = FactualityJudge.judge(prompt, 0.2, 0.1, letter).choice();
      assertNotEquals("C", wrong);
      assertTrue("ABDE".contains(wrong), wrong);
    }
  }

  @Test
  void letterTheTemplateDoesNotOfferIsReplacedByItsLastOne() {
    String prompt = FactualityPrompts.render("Q?", "Gus", "Gus").replaceAll("(?m)^\\([CE]\\).*\\n?", "");
    assertEquals("D", FactualityJudge.rule(prompt).choice());
  }

  private static void judges(String expected, String expert, String submission, String question) {
    FactualityJudge.Verdict v = FactualityJudge.rule(FactualityPrompts.render(question, expert, submission));
    assertEquals(expected, v.choice(), () -> "expert `" + expert + "`, submission `" + submission + "`: " + v.reasons());
  }
}
