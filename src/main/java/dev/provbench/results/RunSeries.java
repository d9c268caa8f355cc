package dev.provbench.results;

import dev.provbench.input.BadInputException;
import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Which runs belong to a series: repeated runs of one job (say every six hours from a scheduler) that
 * {@code provbench trend} reads as one history. A run joins a series through {@code run --series NAME}, which
 * writes the name into {@code run_id=<id>/_SERIES}; the rows themselves do not change.
 */
public final class RunSeries {
  public static final String RUN_MARKER = "_SERIES";
  private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
  private static final String RUN_DIR = "run_id=";

  private RunSeries() {}

  /** Rejects a series name that is not 1–64 letters, digits, dots, dashes or underscores. */
  public static String checkName(String option, String series) {
    if (series == null || !series.matches(NAME)) {
      throw new BadInputException(option, "series name `" + series + "` is not 1-64 letters, digits, . _ or -"
          + " starting with a letter or digit", "name it e.g. `nightly` or `prod-405b`");
    }
    return series;
  }

  /** Marks {@code runId} as a run of {@code series}; marking it again with the same name changes nothing. */
  public static void mark(StoragePath results, String runId, String series) {
    checkName("--series", series);
    Optional<String> earlier = of(results, runId);
    if (earlier.isPresent() && !earlier.get().equals(series)) {
      throw new BadInputException("--series", "run `" + runId + "` already belongs to series `" + earlier.get() + "`",
          "resume it with --series " + earlier.get() + ", or start a new run");
    }
    StoragePath marker = ResultsFolder.runDir(results, runId).resolve(RUN_MARKER);
    try {
      Storage.writeString(marker, series + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + marker, e);
    }
  }

  /** The series of a run, if it has one. */
  public static Optional<String> of(StoragePath results, String runId) {
    StoragePath marker = ResultsFolder.runDir(results, runId).resolve(RUN_MARKER);
    try {
      return Storage.isFile(marker) ? Optional.of(Storage.readString(marker).strip()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + marker, e);
    }
  }

  /** The run ids of {@code series} in a results folder, in name order (callers order them by time). */
  public static List<String> runs(StoragePath results, String series) {
    return runIds(results).stream().filter(id -> of(results, id).filter(series::equals).isPresent()).toList();
  }

  /** Every series named in a results folder, sorted; for the error that lists them. */
  public static List<String> names(StoragePath results) {
    return runIds(results).stream().map(id -> of(results, id)).flatMap(Optional::stream).distinct().sorted().toList();
  }

  private static List<String> runIds(StoragePath results) {
    try {
      return Storage.list(results).stream().filter(n -> n.startsWith(RUN_DIR)).map(n -> n.substring(RUN_DIR.length())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + results, e);
    }
  }
}
