package dev.provbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.provbench.input.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder that holds a one-case dataset ({@code cases.jsonl}) and a judge template ({@code judge.yaml}), where the job
 * reader tests write {@code job.yaml} and read it: one line per job, its YAML and what comes of it.
 */
final class JobFolder {
  private final Path dir;

  /** Writes the dataset and the template into {@code dir}. */
  JobFolder(Path dir) {
    this.dir = dir;
    try {
      Files.writeString(dir.resolve("cases.jsonl"), "{\"input\": \"q\", \"expected\": 1}\n");
      Files.writeString(dir.resolve("judge.yaml"), "prompt: x\nchoice_scores: {A: 1}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code yaml} as the job file and reads it. */
  Job read(String yaml) throws IOException {
    Path f = dir.resolve("job.yaml");
    Files.writeString(f, yaml);
    return JobReader.read(f);
  }

  /** Reading {@code yaml} fails with exactly {@code message} after the job file's name. */
  void rejects(String yaml, String message) {
    BadInputException e = assertThrows(BadInputException.class, () -> read(yaml));
    assertEquals(dir.resolve("job.yaml") + ": " + message, e.getMessage());
  }
}
