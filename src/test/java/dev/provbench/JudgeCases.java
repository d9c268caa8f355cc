package dev.provbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A dataset of {@code n} distinct factuality cases (c1…cN, each answered correctly, gold 1) and the
 * shipped judge template, written into a job's folder as {@code cases.jsonl} and {@code judge.yaml}.
 */
public final class JudgeCases {
  private JudgeCases() {}

  public static void write(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    StringBuilder data = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      data.append("{\"id\": \"c").append(i).append("\", \"input\": {\"input\": \"Question ").append(i)
          .append("?\", \"output\": \"Answer ").append(i).append("\", \"expected\": \"Answer ").append(i)
          .append("\"}, \"expected\": 1}\n");
    }
    Files.writeString(dir.resolve("cases.jsonl"), data);
    Files.copy(Path.of("data/templates/factuality.yaml"), dir.resolve("judge.yaml"), StandardCopyOption.REPLACE_EXISTING);
  }
}
