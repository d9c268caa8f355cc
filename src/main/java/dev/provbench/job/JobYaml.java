package dev.provbench.job;

import dev.provbench.input.BadInputException;
import dev.provbench.input.YamlErrors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a job file as a YAML tree with the strict mapper (a key given twice is an error, not a silent overwrite). */
final class JobYaml {
  private JobYaml() {}

  static JsonNode load(Path file) {
    String where = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(where, "job file not found", "check the path, e.g. jobs/llama31-providers.yaml");
    }
    try {
      return YamlErrors.strictMapper().readTree(file.toFile());
    } catch (JacksonException e) {
      throw new BadInputException(where, YamlErrors.describe(e),
          YamlErrors.fix(e, "correct the YAML syntax there (indentation, a missing colon or quote)"), e);
    } catch (IOException e) {
      throw new BadInputException(where, "cannot be read: " + e.getMessage(), "check its permissions", e);
    }
  }
}
