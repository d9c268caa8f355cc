package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.job.TaskSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped own-eval examples read and pass every check before a request (their extractor examples included). */
class ShippedChatJobsTest {
  private static PreparedRun prepare(String file) {
    return PreparedRun.prepare(JobReader.read(Path.of("jobs", file)), Map.of("FIREWORKS_API_KEY", "unused"));
  }

  @Test
  void theExamplesPrepare() {
    Job chat = prepare("factuality-chat.yaml").job();
    assertNotNull(chat.task().chat());
    assertEquals(List.of("CorrectScore", "NonNull"), chat.scorers());
    PreparedRun capitals = prepare("capitals-json.yaml");
    assertEquals(8, capitals.cases().size());
    assertEquals("{\"max_tokens\":32}", capitals.job().providers().get(0).models().get(1).request());
    assertEquals(TaskSpec.NATIVE_TOOLS, prepare("factuality-native-tools.yaml").job().task().toolMode());
  }
}
