package dev.provbench.run;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The per-cell nonce that {@code cache_bust: true} puts at the start of the system message, so no two
 * cells share a prompt prefix and a provider's prefix cache cannot serve a repeated trial. The same cell
 * gets the same nonce on retry and resume (the text differs only between cells). Stateless.
 */
final class CacheBust {
  private CacheBust() {}

  static String nonce(String runId, String cellId) {
    UUID id = UUID.nameUUIDFromBytes((runId + "/" + cellId).getBytes(StandardCharsets.UTF_8));
    return "[request " + id + "]\n";
  }
}
