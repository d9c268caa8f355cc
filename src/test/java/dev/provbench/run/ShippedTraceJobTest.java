package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.job.JobReader;
import dev.provbench.job.TracePrompts;
import dev.provbench.preflight.RunEstimate;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * jobs/trace.yaml reads as written and prepares the shipped trace before any request: one case per row, each
 * synthetic prompt exactly its row's tokens, the rows' due times, output lengths and sessions.
 */
class ShippedTraceJobTest {
  @Test
  void theShippedTraceJobPreparesItsRows() throws Exception {
    PreparedRun run = PreparedRun.prepare(JobReader.read(Path.of("jobs/trace.yaml")), Map.of());
    assertNull(run.job().dataset(), "synthetic prompts need no dataset");
    assertEquals(TracePrompts.SYNTHETIC, run.job().trace().prompts());
    assertEquals(1, run.job().trials());
    assertEquals(483, run.cases().size());
    assertEquals(483L * 2, run.totalCells());
    TraceSchedule schedule = run.spec().trace();
    assertEquals(0, schedule.offsetMs()[0]);
    assertEquals(60.5, schedule.seconds(), 0.05);
    assertEquals(203, schedule.outputTokens()[0]);
    assertEquals("s0001", schedule.conversationIds()[0]);
    String prompt = new ObjectMapper().readTree(run.cases().get(0).input()).path("prompt").asText();
    assertEquals(631 * 4, prompt.length(), "631 tokens of four characters");
    String next = new ObjectMapper().readTree(run.cases().get(1).input()).path("prompt").asText();
    assertTrue(prompt.regionMatches(0, next, 0, 512 * 4), "rows sharing hash id 0 share the system block");
    // The estimate asks each row's own output length, not the task's max_tokens.
    long outputs = Arrays.stream(schedule.outputTokens()).asLongStream().sum();
    assertEquals(2 * outputs, RunEstimate.of(run, 1000, List.of(), "none", Set.of()).maxCompletionTokens());
  }
}
