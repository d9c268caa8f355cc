package dev.provbench.job;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.provbench.input.BadInputException;
import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import dev.provbench.input.YamlErrors;
import java.io.IOException;

/** Loads a job file as a YAML tree with the strict mapper (a key given twice is an error, not a silent overwrite). */
final class JobYaml {
  private JobYaml() {}

  static JsonNode load(StoragePath file) {
    String where = file.toString();
    if (!Storage.isFile(file)) {
      throw new BadInputException(where, "job file not found", "check the path, e.g. jobs/llama31-providers.yaml");
    }
    try {
      return YamlErrors.strictMapper().readTree(Storage.readString(file));
    } catch (JacksonException e) {
      throw new BadInputException(where, YamlErrors.describe(e),
          YamlErrors.fix(e, "correct the YAML syntax there (indentation, a missing colon or quote)"), e);
    } catch (IOException e) {
      throw new BadInputException(where, "cannot be read: " + e.getMessage(), "check its permissions", e);
    }
  }
}
