package dev.provbench.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.samskivert.mustache.MustacheException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplatesTest {
  private static String render(String template, Map<String, Object> context) {
    return PromptTemplates.compiled(template).execute(context);
  }

  @Test
  void rendersPlainTextForAModel() {
    assertEquals("Is 3 < 4 & \"so\"?", render("Is {{q}}?", Map.of("q", "3 < 4 & \"so\"")));
  }

  @Test
  void aNullFieldRendersEmptyAndAMissingOneFails() {
    Map<String, Object> context = new HashMap<>();
    context.put("expected", null);
    assertEquals("[]", render("[{{expected}}]", context));
    assertThrows(MustacheException.class, () -> render("[{{missing}}]", context));
  }

  @Test
  void compilesEachTextOncePerJvm() {
    assertSame(PromptTemplates.compiled("{{a}} once"), PromptTemplates.compiled("{{a}} once"));
  }
}
