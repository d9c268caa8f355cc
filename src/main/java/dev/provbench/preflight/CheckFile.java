package dev.provbench.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import dev.provbench.job.Job;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code check} measured, beside the job file as {@code <job>.check.json} (for {@code jobs/a.yaml},
 * {@code jobs/a.check.json}): one entry per provider × model × base URL, each with the time it was taken. A
 * later check replaces the entries it measures and keeps the others. Beside the job, not in the results folder,
 * because it describes the job's endpoints and {@code validate} reads it without an output folder. Stateless.
 */
public final class CheckFile {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CheckFile() {}

  /** Where the check of {@code job} is saved; {@code job} was read from a file. */
  public static StoragePath of(Job job) {
    StoragePath file = job.file().absolute();
    String name = file.fileName();
    int dot = name.lastIndexOf('.');
    return file.parent().resolve((dot > 0 ? name.substring(0, dot) : name) + ".check.json");
  }

  /** The endpoint a model is called at: its own base URL, else its provider's. */
  public static String baseUrl(ProviderSpec p, ModelSpec m) {
    return m.baseUrl() != null ? m.baseUrl() : p.baseUrl();
  }

  /** The saved measurements; empty when there is no file or it cannot be read (the estimate then says so). */
  public static List<CheckMeasurement> read(Path file) {
    return read(StoragePath.local(file));
  }

  /** The same beside a job file on any Hadoop file system. */
  public static List<CheckMeasurement> read(StoragePath file) {
    List<CheckMeasurement> out = new ArrayList<>();
    try {
      if (!Storage.isFile(file)) return out;
      for (JsonNode n : JSON.readTree(Storage.readString(file)).path("models")) {
        out.add(new CheckMeasurement(n.path("provider").asText(), n.path("model").asText(), n.path("base_url").asText(),
            Instant.parse(n.path("taken_at").asText()), n.path("calls").asInt(), n.path("prompt_chars").asLong(),
            n.path("prompt_tokens").asLong(), n.path("completion_tokens").asLong(), n.path("latency_ms").asLong(),
            n.path("ttft_ms").isNumber() ? n.path("ttft_ms").asLong() : null, n.path("server_usage").asBoolean(),
            n.path("max_tokens").asInt()));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** The measurement of this provider × model at its current base URL, if one was saved. */
  public static Optional<CheckMeasurement> find(List<CheckMeasurement> saved, ProviderSpec p, ModelSpec m) {
    return saved.stream().filter(c -> c.measures(p.name(), m.id(), baseUrl(p, m))).findFirst();
  }

  /** Saves {@code measured}, replacing the saved entries of the same endpoints and keeping the rest. */
  public static void write(Path file, List<CheckMeasurement> measured) {
    write(StoragePath.local(file), measured);
  }

  /** The same beside a job file on any Hadoop file system. */
  public static void write(StoragePath file, List<CheckMeasurement> measured) {
    List<CheckMeasurement> all = new ArrayList<>(read(file));
    all.removeIf(old -> measured.stream().anyMatch(m -> old.measures(m.provider(), m.model(), m.baseUrl())));
    all.addAll(measured);
    ObjectNode root = JSON.createObjectNode();
    root.put("about", "what `provbench check` measured per provider x model; validate and run estimate from it");
    ArrayNode models = root.putArray("models");
    for (CheckMeasurement m : all) {
      ObjectNode n = models.addObject().put("provider", m.provider()).put("model", m.model()).put("base_url", m.baseUrl())
          .put("taken_at", m.takenAt().toString()).put("calls", m.calls()).put("prompt_chars", m.promptChars())
          .put("prompt_tokens", m.promptTokens()).put("completion_tokens", m.completionTokens())
          .put("latency_ms", m.latencyMs()).put("server_usage", m.serverUsage()).put("max_tokens", m.maxTokens());
      if (m.ttftMs() == null) n.putNull("ttft_ms");
      else n.put("ttft_ms", m.ttftMs());
    }
    try {
      Storage.writeString(file, JSON.writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the check to " + file + ": " + e.getMessage(), e);
    }
  }
}
