package dev.provbench.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.job.ProviderSpec;
import dev.provbench.job.Timeouts;
import dev.provbench.provider.HttpClients;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;

/** {@code GET {base_url}/models}: the model ids an OpenAI-compatible endpoint lists. Stateless. */
final class ModelList {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelList() {}

  /** The ids of {@code data[*].id} (or of a bare array), or null when the endpoint answers no such list. */
  static List<String> fetch(String baseUrl, ProviderSpec provider, String apiKey, Timeouts timeouts) {
    Request.Builder get = new Request.Builder().url(baseUrl + "/models").get().header("Accept", "application/json");
    provider.headers().forEach(get::header);
    if (apiKey != null) get.header("Authorization", "Bearer " + apiKey);
    try (Response response = HttpClients.forTimeouts(timeouts).newCall(get.build()).execute()) {
      if (!response.isSuccessful()) return null;
      JsonNode root = JSON.readTree(response.body().string());
      JsonNode list = root.isArray() ? root : root.path("data");
      if (!list.isArray()) return null;
      List<String> ids = new ArrayList<>();
      for (JsonNode m : list) {
        String id = m.isTextual() ? m.asText() : m.path("id").asText("");
        if (!id.isEmpty()) ids.add(id);
      }
      return ids;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
