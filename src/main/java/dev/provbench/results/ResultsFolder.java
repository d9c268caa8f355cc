package dev.provbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.input.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The results folder: {@code run_id=<id>/} partitions of Parquet and a {@code _provbench.json} marker
 * with the format version (Spark and other engines skip files starting with an underscore). The one place
 * that builds a run's folder path. A folder of an older readable format takes new runs; its marker then
 * says the newest format written into it.
 */
public final class ResultsFolder {
  public static final String MARKER = "_provbench.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultsFolder() {}

  public static Path runDir(Path output, String runId) {
    return output.resolve("run_id=" + runId);
  }

  /** Where a run's earlier rows are set aside ({@code _superseded/run_id=<id>-<stamp>}); readers skip it. */
  public static Path supersededDir(Path output, String runId, String stamp) {
    return output.resolve("_superseded").resolve("run_id=" + runId + "-" + stamp);
  }

  /** Fails when the folder cannot be written, was written by another format, or already holds this run. */
  public static void check(Path output, String runId) {
    checkWritable(output);
    if (Files.exists(runDir(output, runId))) {
      throw new BadInputException(runDir(output, runId).toString(), "run `" + runId + "` already has results here",
          "choose another --run-id or --out folder, or finish it with --resume " + runId);
    }
  }

  /** Fails unless the folder holds results of this run in this format. */
  public static void checkResumable(Path output, String runId) {
    checkWritable(output);
    if (!Files.isDirectory(runDir(output, runId))) {
      throw new BadInputException(runDir(output, runId).toString(), "there is no run `" + runId + "` to resume",
          "check --resume and --out (the results folder holds run_id=<id> folders)");
    }
  }

  private static void checkWritable(Path output) {
    String where = output.toString();
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new BadInputException(where, "output is a file, not a folder", "remove the file or choose another `output` or --out");
    }
    // Checked without creating anything: `validate` leaves no trace; the run creates the folder.
    Path existing = output.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) existing = existing.getParent();
    if (existing == null || !Files.isDirectory(existing)) {
      throw new BadInputException(where, "output folder cannot be created: " + existing + " is a file",
          "choose a writable `output` in the job file or pass --out");
    }
    if (!Files.isWritable(existing)) {
      throw new BadInputException(where, "output folder is not writable", "choose a writable `output` or pass --out");
    }
    Path marker = output.resolve(MARKER);
    if (Files.exists(marker)) {
      int format;
      try {
        JsonNode node = JSON.readTree(marker.toFile());
        format = node.path("format").asInt(-1);
      } catch (IOException e) {
        format = -1;
      }
      if (format < ResultSchema.OLDEST_READABLE_FORMAT || format > ResultSchema.FORMAT_VERSION) {
        throw new BadInputException(marker.toString(), "results format " + format + " cannot be used by this version (format "
            + ResultSchema.FORMAT_VERSION + ")", "write to a new output folder with --out");
      }
    }
  }

  public static void writeMarker(Path output) {
    try {
      Files.createDirectories(output);
      Files.writeString(output.resolve(MARKER), "{\"format\": " + ResultSchema.FORMAT_VERSION + "}\n");
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + output.resolve(MARKER) + ": " + e.getMessage(), e);
    }
  }
}
