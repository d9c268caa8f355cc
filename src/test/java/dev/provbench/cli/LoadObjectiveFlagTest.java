package dev.provbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.provbench.input.BadInputException;
import dev.provbench.job.ServiceObjective;
import org.junit.jupiter.api.Test;

/** {@code --load-objective}: one line per text and what it reads as, or the message it is refused with. */
class LoadObjectiveFlagTest {
  private static void reads(ServiceObjective expected, String text) {
    assertEquals(expected, LoadObjectiveFlag.parse(text), text);
  }

  private static void refuses(String text, String problem) {
    BadInputException e = assertThrows(BadInputException.class, () -> LoadObjectiveFlag.parse(text));
    assertEquals("--load-objective: " + problem + ". Fix: write e.g. --load-objective"
        + " ttft_p90_ms=800,duration_p90_ms=3000,max_error_rate=0.05", e.getMessage());
  }

  @Test
  void table() {
    reads(ServiceObjective.NONE, null);
    reads(ServiceObjective.NONE, " ");
    reads(new ServiceObjective(800.0, null, null), "ttft_p90_ms=800");
    reads(new ServiceObjective(800.0, 3000.0, 0.05), "ttft_p90_ms=800, duration_p90_ms=3000,max_error_rate=0.05");
    refuses("max_error_rate=2", "max_error_rate must be at most 1");
    refuses("ttft_p90_ms=-1", "`-1` is not a number at least 0");
    refuses("ttft_p90_ms=fast", "`fast` is not a number at least 0");
  }
}
