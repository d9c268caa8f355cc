package dev.provbench.reliability;

import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The text of every Spark event log in a folder; Spark 4 compresses them with zstd by default. */
final class EventLogText {
  private EventLogText() {}

  static String read(Path folder) throws IOException {
    StringBuilder text = new StringBuilder();
    List<Path> logs;
    try (Stream<Path> files = Files.walk(folder)) {
      logs = files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".crc")).toList();
    }
    if (logs.isEmpty()) throw new AssertionError("no event log in " + folder);
    for (Path f : logs) {
      String name = f.getFileName().toString();
      if (name.endsWith(".zstd")) {
        try (InputStream in = new ZstdInputStream(Files.newInputStream(f))) {
          text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      } else if (!name.contains(".")) {
        text.append(Files.readString(f));
      } else {
        throw new AssertionError("event log compressed with a codec this test cannot read: " + f);
      }
    }
    return text.toString();
  }
}
