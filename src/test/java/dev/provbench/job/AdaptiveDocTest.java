package dev.provbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provbench.input.YamlErrors;
import dev.provbench.input.YamlFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The `adaptive` example of docs/JOBS.md states the plan's defaults. */
class AdaptiveDocTest {
  @Test
  void theExampleIsTheDefaultPlan() throws Exception {
    String doc = Files.readString(Path.of("docs/JOBS.md"));
    int section = doc.indexOf("### Adaptive runs");
    int from = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
    JsonNode yaml = YamlErrors.strictMapper().readTree(doc.substring(from, doc.indexOf("```", from)));
    YamlFields a = new YamlFields("docs/JOBS.md", "adaptive", yaml.get("adaptive"));
    assertEquals(AdaptivePlan.DEFAULTS, AdaptiveReader.section(a, List.of()));
    a.finish();
  }
}
