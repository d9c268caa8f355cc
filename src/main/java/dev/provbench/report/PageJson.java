package dev.provbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The page's content as JSON safe inside {@code <script type="application/json">}: every {@code <} is written
 * {@code \u003c}, so no text of a model, server or dataset can end the element ({@code </script>}) or open a
 * comment ({@code <!--}); {@code JSON.parse} reads it back unchanged. The mapper is shared: thread-safe once
 * configured.
 */
final class PageJson {
  private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private PageJson() {}

  static String of(Object content) {
    try {
      return JSON.writeValueAsString(content).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the page's JSON", e);
    }
  }
}
