package dev.provbench.task;

import com.samskivert.mustache.Template;
import dev.provbench.input.BadInputException;
import dev.provbench.input.PromptTemplates;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders the factuality judge request for one case and reads its answer. The template is compiled by
 * {@link PromptTemplates}, once per JVM.
 */
public final class FactualityTask {

  private FactualityTask() {}

  public static Prompt prompt(JudgeTemplate template, Map<String, String> vars) {
    Template compiled = PromptTemplates.compiled(template.prompt());
    String system = SelectChoiceTool.systemMessage(template.choiceScores().keySet());
    return new Prompt(system, compiled.execute(vars));
  }

  public static ParsedChoice answer(JudgeTemplate template, String reply) {
    return ToolCallParser.parse(reply, template.choiceScores());
  }

  /** Fails when the template uses a variable that a case lacks; call once per dataset, before any request. */
  public static void checkVariables(JudgeTemplate template, String templateFile, Map<String, String> vars, String caseWhere) {
    for (String v : template.variables()) {
      if (!vars.containsKey(v)) {
        throw new BadInputException(caseWhere, "the template " + templateFile + " uses {{" + v + "}} but the case has no `"
            + v + "` in its input (it has " + String.join(", ", new TreeSet<>(vars.keySet())) + ")",
            "add `" + v + "` to every case's input, or change the template");
      }
    }
    try {
      PromptTemplates.compiled(template.prompt());
    } catch (RuntimeException e) {
      throw new BadInputException(templateFile + ": prompt", "is not a valid mustache template: " + e.getMessage(),
          "close every {{#section}} with {{/section}}", e);
    }
  }
}
