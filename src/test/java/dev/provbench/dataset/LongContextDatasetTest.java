package dev.provbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped long-context cases are exactly what their generator writes, and have the shape the job relies on. */
class LongContextDatasetTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theCommittedFileIsTheGeneratorsOutput() throws Exception {
    assertEquals(LongContextDataset.jsonl(), Files.readString(LongContextDataset.FILE),
        "data/long-context.jsonl differs from its generator; regenerate it (see LongContextDataset)");
    assertTrue(Files.size(LongContextDataset.FILE) < 1_000_000, "the file stays under 1 MB");
  }

  @Test
  void eachCaseStatesItsAnswerOnceAndOffersOtherValuesForTheSameAttribute() throws Exception {
    List<JsonNode> cases = new ArrayList<>();
    for (String line : LongContextDataset.jsonl().split("\n")) cases.add(JSON.readTree(line));
    assertEquals(LongContextDataset.LONG_CASES + LongContextDataset.SHORT_CASES, cases.size());
    for (JsonNode c : cases) {
      String document = c.path("input").path("document").asText();
      String question = c.path("input").path("question").asText();
      boolean isLong = c.path("metadata").path("length").asText().equals("long");
      assertEquals(isLong, c.path("id").asText().startsWith("long-"), c.path("id").asText());
      int chars = document.length();
      assertTrue(isLong ? chars >= 12_900 && chars < 14_800 : chars >= 1_000 && chars < 1_600, c.path("id") + ": " + chars);

      var q = Pattern.compile("What is the (.+) of (.+)\\?").matcher(question);
      assertTrue(q.matches(), question);
      String fact = "The " + q.group(1) + " of " + q.group(2) + " is " + c.path("expected").asText() + ".";
      assertEquals(1, count(document, Pattern.quote(fact)), c.path("id") + ": " + fact);
      assertEquals(1, count(document, Pattern.quote("The " + q.group(1) + " of " + q.group(2) + " is ")), question);
      assertTrue(count(document, Pattern.quote("The " + q.group(1) + " of ")) >= 2, c.path("id") + ": no distractor for " + question);
    }
  }

  private static int count(String text, String regex) {
    return (int) Pattern.compile(regex).matcher(text).results().count();
  }
}
