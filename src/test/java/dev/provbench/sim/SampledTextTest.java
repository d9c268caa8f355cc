package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sampled text, through the composer as the server calls it: it varies between requests at a temperature above 0,
 * replays for the same request, is one distribution for deployments of the same weights, and a shift moves it while
 * the judge's verdicts (the task's accuracy) stay the same.
 */
class SampledTextTest {
  private static final String PROMPT = "Describe a lighthouse in one sentence.";
  private static final String JUDGE = FactualityPrompts.render("Who?", "Gus", "Gus");
  private static final AnswerComposer.Serving AT_REST = new AnswerComposer.Serving(0, 1, 0, 0);

  @Test
  void variesAboveTemperatureZeroAndReplaysTheSameRequest() {
    SimModel model = model("text: {weights: w}");
    Set<String> seen = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) seen.add(reply(model, PROMPT, 1.0, seed));
    assertTrue(seen.size() >= 10, seen.size() + " distinct replies of 20");
    assertEquals(reply(model, PROMPT, 1.0, 3), reply(model, PROMPT, 1.0, 3));
    Set<String> greedy = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) greedy.add(reply(model, PROMPT, 0, seed));
    assertEquals(1, greedy.size(), "temperature 0 takes the likeliest word");
  }

  @Test
  void theSameWeightsAreOneDistributionAndAShiftMovesIt() {
    String reference = reply(model("text: {weights: w}"), PROMPT, 0, 1);
    assertEquals(reference, reply(model("text: {weights: w}, judge_error_rate: 0.3"), PROMPT, 0, 1));
    assertNotEquals(reference, reply(model("text: {weights: other}"), PROMPT, 0, 1));
    double moved = 0;
    for (long key = 0; key < 50; key++) {
      for (int position = 0; position < 10; position++) {
        moved += totalVariation(SampledText.logits(key, position, 0), SampledText.logits(key, position, 0.9));
      }
    }
    assertTrue(moved / 500 > 0.2 && moved / 500 < 0.35, "mean total variation per word position " + moved / 500);
  }

  @Test
  void judgePromptsAreJudgedAsBeforeWhateverTheShift() {
    for (long seed = 0; seed < 10; seed++) {
      assertEquals(reply(model(""), JUDGE, 1.0, seed), reply(model("text: {weights: w, shift: 0.9}"), JUDGE, 1.0, seed));
    }
  }

  @Test
  void aModelWithoutWeightsKeepsTheJudgesFallback() {
    assertTrue(reply(model(""), PROMPT, 1.0, 1).startsWith("<function=select_choice>"));
  }

  private static String reply(SimModel model, String prompt, double temperature, long seed) {
    ChatRequest request = new ChatRequest("m", List.of(new ChatRequest.Message("user", prompt)), false, false, 0,
        temperature);
    RequestDraws draws = new RequestDraws(seed, 0.5, 200, 50, 0.99, 0.5, 0.5, 0);
    return AnswerComposer.compose(request, model, draws, false, AT_REST).message().text();
  }

  private static double totalVariation(double[] a, double[] b) {
    double[] p = softmax(a);
    double[] q = softmax(b);
    double sum = 0;
    for (int i = 0; i < p.length; i++) sum += Math.abs(p[i] - q[i]);
    return sum / 2;
  }

  private static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double l : logits) max = Math.max(max, l);
    double[] out = new double[logits.length];
    double total = 0;
    for (int i = 0; i < logits.length; i++) total += out[i] = Math.exp(logits[i] - max);
    for (int i = 0; i < logits.length; i++) out[i] /= total;
    return out;
  }

  private static SimModel model(String settings) {
    String yaml = "providers:\n  - name: P\n    path: /p\n    models:\n      - {id: m"
        + (settings.isEmpty() ? "" : ", " + settings) + "}\n";
    return SimProfile.parse(yaml, "inline").providers().get(0).model("m").orElseThrow();
  }
}
