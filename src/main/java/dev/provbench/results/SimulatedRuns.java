package dev.provbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import java.io.IOException;

/**
 * Decides whether a run's providers were simulated, so every table and chart can say so. A run is
 * simulated when any of these holds:
 * <ol>
 *   <li>{@code run_id=<id>/_SIMULATED} exists (the demo writes it);</li>
 *   <li>the folder's {@code _provbench.json} has {@code "simulated": true} at its top level, or
 *       {@code "runs": {"<id>": {"simulated": true}}};</li>
 *   <li>the user passed {@code --simulated}.</li>
 * </ol>
 * Base URLs are not in the Parquet, so the results cannot tell by themselves.
 */
public final class SimulatedRuns {
  public static final String RUN_MARKER = "_SIMULATED";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SimulatedRuns() {}

  public static boolean isSimulated(StoragePath results, String runId) {
    if (Storage.exists(ResultsFolder.runDir(results, runId).resolve(RUN_MARKER))) return true;
    StoragePath marker = results.resolve(ResultsFolder.MARKER);
    if (!Storage.isFile(marker)) return false;
    try {
      JsonNode root = JSON.readTree(Storage.readString(marker));
      return root.path("simulated").asBoolean(false) || root.path("runs").path(runId).path("simulated").asBoolean(false);
    } catch (IOException e) {
      return false;
    }
  }
}
