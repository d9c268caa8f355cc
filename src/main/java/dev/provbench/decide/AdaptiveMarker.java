package dev.provbench.decide;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.input.BadInputException;
import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import dev.provbench.job.AdaptivePlan;
import dev.provbench.results.ResultsFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * What an adaptive run stores beside its rows ({@code run_id=<id>/_ADAPTIVE}, JSON): its policy and its full matrix
 * (deployments, case ids, trials), so that analysis walks the same rounds over the same cells, and a resumed run
 * goes on with the same plan. Immutable.
 *
 * @param plan        the adaptive plan, seed included.
 * @param deployments every deployment of the job.
 * @param caseIds     every case of the dataset, called or not.
 * @param trials      trials per case.
 */
public record AdaptiveMarker(AdaptivePlan plan, List<Deployment> deployments, List<String> caseIds, int trials) {
  public static final String FILE = "_ADAPTIVE";
  private static final ObjectMapper JSON = new ObjectMapper();

  public AdaptiveMarker {
    deployments = List.copyOf(deployments);
    caseIds = List.copyOf(caseIds);
  }

  /** An empty matrix of this run's shape, to fill with its cells. */
  public CellMatrix matrix() {
    return new CellMatrix(deployments, caseIds, trials);
  }

  public void write(StoragePath output, String runId) {
    StoragePath file = ResultsFolder.runDir(output, runId).resolve(FILE);
    try {
      Storage.createDirectories(ResultsFolder.runDir(output, runId));
      Storage.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The run's marker; empty for a run that was not adaptive. */
  public static Optional<AdaptiveMarker> read(StoragePath output, String runId) {
    StoragePath file = ResultsFolder.runDir(output, runId).resolve(FILE);
    if (!Storage.isFile(file)) return Optional.empty();
    try {
      return Optional.of(JSON.readValue(Storage.readString(file), AdaptiveMarker.class));
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "is not a readable adaptive-run marker: " + e.getMessage(),
          "restore it from a backup, or analyse the run without its decisions by removing the file");
    }
  }
}
