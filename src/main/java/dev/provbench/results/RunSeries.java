package dev.provbench.results;

import dev.provbench.input.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which runs belong to a series: repeated runs of one job (say every six hours from a scheduler) that
 * {@code provbench trend} reads as one history. A run joins a series through {@code run --series NAME}, which
 * writes the name into {@code run_id=<id>/_SERIES}; the rows themselves do not change.
 */
public final class RunSeries {
  public static final String RUN_MARKER = "_SERIES";
  private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

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
  public static void mark(Path results, String runId, String series) {
    checkName("--series", series);
    Path dir = ResultsFolder.runDir(results, runId);
    Optional<String> earlier = of(results, runId);
    if (earlier.isPresent() && !earlier.get().equals(series)) {
      throw new BadInputException("--series", "run `" + runId + "` already belongs to series `" + earlier.get() + "`",
          "resume it with --series " + earlier.get() + ", or start a new run");
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(RUN_MARKER), series + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot mark " + dir + " as a run of series " + series, e);
    }
  }

  /** The series of a run, if it has one. */
  public static Optional<String> of(Path results, String runId) {
    Path marker = ResultsFolder.runDir(results, runId).resolve(RUN_MARKER);
    if (!Files.isRegularFile(marker)) return Optional.empty();
    try {
      return Optional.of(Files.readString(marker, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + marker, e);
    }
  }

  /** The run ids of {@code series} in a results folder, in name order (callers order them by time). */
  public static List<String> runs(Path results, String series) {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(results)) return out;
    try (Stream<Path> dirs = Files.list(results)) {
      for (Path d : dirs.sorted().toList()) {
        String name = d.getFileName().toString();
        if (!name.startsWith("run_id=")) continue;
        String runId = name.substring("run_id=".length());
        if (of(results, runId).filter(series::equals).isPresent()) out.add(runId);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + results, e);
    }
    return out;
  }

  /** Every series named in a results folder, sorted; for the error that lists them. */
  public static List<String> names(Path results) {
    if (!Files.isDirectory(results)) return List.of();
    try (Stream<Path> dirs = Files.list(results)) {
      return dirs.map(d -> d.getFileName().toString()).filter(n -> n.startsWith("run_id="))
          .map(n -> of(results, n.substring("run_id=".length()))).flatMap(Optional::stream).distinct().sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + results, e);
    }
  }
}
