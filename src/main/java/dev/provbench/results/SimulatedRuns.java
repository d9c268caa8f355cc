package dev.provbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

  public static boolean isSimulated(Path results, String runId) {
    if (Files.exists(ResultsFolder.runDir(results, runId).resolve(RUN_MARKER))) return true;
    Path marker = results.resolve(ResultsFolder.MARKER);
    if (!Files.isRegularFile(marker)) return false;
    try {
      JsonNode root = JSON.readTree(marker.toFile());
      return root.path("simulated").asBoolean(false) || root.path("runs").path(runId).path("simulated").asBoolean(false);
    } catch (IOException e) {
      return false;
    }
  }
}
