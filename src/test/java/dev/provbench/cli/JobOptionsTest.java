package dev.provbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.input.BadInputException;
import dev.provbench.input.StoragePath;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Command-line overrides of the job file: what each replaces, and the errors for values out of range. */
class JobOptionsTest {
  private static final Job DEMO = JobReader.read(Path.of("jobs/demo.yaml"));

  @Test
  void taskSlotsReplaceTheJobsOnlyWhenGiven() {
    assertSame(DEMO, JobOptions.taskSlots(DEMO, null));
    assertEquals(3, JobOptions.taskSlots(DEMO, 3).taskSlots());
    assertEquals(0, JobOptions.taskSlots(DEMO, 0).taskSlots());
    assertEquals(DEMO.providers(), JobOptions.taskSlots(DEMO, 3).providers());
    BadInputException e = assertThrows(BadInputException.class, () -> JobOptions.taskSlots(DEMO, -1));
    assertTrue(e.getMessage().contains("--task-slots") && e.getMessage().contains("e.g. --task-slots 4"), e.getMessage());
  }

  @Test
  void runTakesTheFlag() {
    RunCommand run = new RunCommand();
    new picocli.CommandLine(run).registerConverter(StoragePath.class, StoragePath::valueOf)
        .parseArgs("jobs/demo.yaml", "--task-slots", "2");
    assertEquals(2, run.taskSlots);
  }

  @Test
  void maxCostAndRunIdReplaceTheJobs() {
    Job j = JobOptions.apply(DEMO, "again", (StoragePath) null, 2.5);
    assertEquals("again", j.runId());
    assertEquals(2.5, j.maxCost());
    assertThrows(BadInputException.class, () -> JobOptions.apply(DEMO, null, (StoragePath) null, -1.0));
  }
}
