package dev.provbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.input.BadInputException;
import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The results folder: {@code run_id=<id>/} partitions of Parquet and a {@code _provbench.json} marker
 * with the format version (Spark and other engines skip files starting with an underscore). The one place
 * that builds a run's folder path. A folder of an older readable format takes new runs; its marker then
 * says the newest format written into it. The folder is local or on any Hadoop file system
 * ({@code hdfs://…}; {@code s3a://…} with its connector).
 */
public final class ResultsFolder {
  public static final String MARKER = "_provbench.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultsFolder() {}

  public static StoragePath runDir(StoragePath output, String runId) {
    return output.resolve("run_id=" + runId);
  }

  /** A local folder's run folder, for callers that only ever write locally. */
  public static Path runDir(Path output, String runId) {
    return runDir(StoragePath.local(output), runId).localPath();
  }

  /** The first run id {@code <stem>-<n>}, n counting from 1, that has no folder in {@code output}. */
  public static String nextFreeRunId(StoragePath output, String stem) {
    for (int n = 1; ; n++) {
      String id = stem + "-" + n;
      if (!Storage.exists(runDir(output, id))) return id;
    }
  }

  /** Copies run {@code from}'s marker file {@code name} (e.g. {@code _SIMULATED}) into run {@code to}, if it has one. */
  public static void copyRunMarker(StoragePath output, String name, String from, String to) {
    StoragePath marker = runDir(output, from).resolve(name);
    if (!Storage.exists(marker)) return;
    try {
      Storage.writeString(runDir(output, to).resolve(name), Storage.readString(marker));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + name + " of run " + from + " to run " + to, e);
    }
  }

  /** Where a run's earlier rows are set aside ({@code _superseded/run_id=<id>-<stamp>}); readers skip it. */
  public static StoragePath supersededDir(StoragePath output, String runId, String stamp) {
    return output.resolve("_superseded").resolve("run_id=" + runId + "-" + stamp);
  }

  /** Fails when the folder cannot be written, was written by another format, or already holds this run. */
  public static void check(StoragePath output, String runId) {
    checkWritable(output);
    if (Storage.exists(runDir(output, runId))) {
      throw new BadInputException(runDir(output, runId).toString(), "run `" + runId + "` already has results here",
          "choose another --run-id or --out folder, or finish it with --resume " + runId);
    }
  }

  /** Fails unless the folder holds results of this run in this format. */
  public static void checkResumable(StoragePath output, String runId) {
    checkWritable(output);
    if (!Storage.isDirectory(runDir(output, runId))) {
      throw new BadInputException(runDir(output, runId).toString(), "there is no run `" + runId + "` to resume",
          "check --resume and --out (the results folder holds run_id=<id> folders)");
    }
  }

  private static void checkWritable(StoragePath output) {
    String where = output.toString();
    if (Storage.exists(output) && !Storage.isDirectory(output)) {
      throw new BadInputException(where, "output is a file, not a folder", "remove the file or choose another `output` or --out");
    }
    // Checked without creating anything: `validate` leaves no trace; the run creates the folder.
    StoragePath existing = output.absolute();
    while (existing != null && !Storage.exists(existing)) existing = existing.parent();
    if (existing == null || !Storage.isDirectory(existing)) {
      throw new BadInputException(where, "output folder cannot be created: " + existing + " is a file",
          "choose a writable `output` in the job file or pass --out");
    }
    if (!Storage.isWritable(existing)) {
      throw new BadInputException(where, "output folder is not writable", "choose a writable `output` or pass --out");
    }
    StoragePath marker = output.resolve(MARKER);
    if (Storage.exists(marker)) {
      int format;
      try {
        JsonNode node = JSON.readTree(Storage.readString(marker));
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

  public static void writeMarker(StoragePath output) {
    try {
      Storage.createDirectories(output);
      Storage.writeString(output.resolve(MARKER), "{\"format\": " + ResultSchema.FORMAT_VERSION + "}\n");
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + output.resolve(MARKER) + ": " + e.getMessage(), e);
    }
  }
}
