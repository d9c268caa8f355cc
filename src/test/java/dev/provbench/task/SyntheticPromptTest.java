package dev.provbench.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Synthetic prompts: exactly the row's tokens at four characters each (the simulator's count), and a shared text
 * prefix exactly as long as the shared leading hash ids' blocks.
 */
class SyntheticPromptTest {
  /** One row: hash ids, input tokens, block tokens, row key. */
  private record Row(List<Long> ids, int tokens, int block, long key) {
    String text() {
      return SyntheticPrompt.text(ids, tokens, block, key);
    }
  }

  @Test
  void theLengthIsTheRowsTokens() {
    for (Row r : List.of(new Row(List.of(), 1, 512, 0), new Row(List.of(1L), 7, 4, 0), new Row(List.of(1L, 2L), 6955, 512, 3),
        new Row(List.of(), 513, 512, 9))) {
      assertEquals(r.tokens() * 4, r.text().length(), r.toString());
      assertTrue(r.text().matches("([a-z]{3} )+"), r.toString());
    }
  }

  @Test
  void sharedLeadingHashIdsShareTheTextPrefixAndNoMore() {
    table(new Row(List.of(0L, 1L, 2L), 30, 10, 1), new Row(List.of(0L, 1L, 3L), 30, 10, 2), 20);  // two blocks shared
    table(new Row(List.of(0L, 1L), 25, 10, 1), new Row(List.of(0L, 1L, 5L), 40, 10, 2), 20);     // the partial third differs
    table(new Row(List.of(0L), 10, 10, 1), new Row(List.of(0L), 10, 10, 2), 10);                 // the same text
    table(new Row(List.of(), 20, 10, 1), new Row(List.of(), 20, 10, 2), 0);                      // without ids: own text
    table(new Row(List.of(4L), 20, 10, 1), new Row(List.of(5L), 20, 10, 1), 0);                  // other ids
  }

  /** The two rows' texts agree on exactly {@code sharedTokens} leading words. */
  private static void table(Row a, Row b, int sharedTokens) {
    String x = a.text();
    String y = b.text();
    assertEquals(x.substring(0, sharedTokens * 4), y.substring(0, sharedTokens * 4), a + " / " + b);
    if (x.length() > sharedTokens * 4 && y.length() > sharedTokens * 4) {
      assertNotEquals(x.substring(sharedTokens * 4, sharedTokens * 4 + 4), y.substring(sharedTokens * 4, sharedTokens * 4 + 4),
          a + " / " + b);
    }
  }
}
