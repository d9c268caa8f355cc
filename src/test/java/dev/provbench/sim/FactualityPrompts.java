package dev.provbench.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The project's factuality judge template, rendered the way the task renders it (no HTML escaping). */
final class FactualityPrompts {
  static final Path TEMPLATE = Path.of("data/templates/factuality.yaml");
  static final Path DATASET = Path.of("data/factuality.json");
  private static final String PROMPT = load();

  private FactualityPrompts() {}

  static String render(String input, String expected, String output) {
    return PROMPT.replace("{{input}}", input).replace("{{expected}}", expected).replace("{{output}}", output);
  }

  static String template() {
    return PROMPT;
  }

  private static String load() {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(TEMPLATE.toFile());
      return root.path("prompt").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
