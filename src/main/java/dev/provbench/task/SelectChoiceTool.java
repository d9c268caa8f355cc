package dev.provbench.task;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The system message that describes the {@code select_choice} function to a model without native
 * tool calling, asking for one line of the form
 * {@code <function=select_choice>{"reasons": "...", "choice": "B"}</function>}; or, in native mode, the same function
 * as an OpenAI tool with {@code tool_choice} forcing it.
 */
public final class SelectChoiceTool {
  public static final String NAME = "select_choice";

  /** The system message in native mode: the function itself travels in {@code tools}. */
  public static final String NATIVE_SYSTEM = "Call the function '" + NAME + "' to answer.";
  private static final String REASONS = "Write out in a step by step manner your reasoning to be sure that your conclusion is"
      + " correct. Avoid simply stating the correct answer at the outset.";

  private SelectChoiceTool() {}

  /** The request fields of native mode: {@code tools} with {@code select_choice} and a {@code tool_choice} forcing it. */
  public static ObjectNode nativeFields(Collection<String> choices) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode fields = f.objectNode();
    ObjectNode function = fields.putArray("tools").addObject().put("type", "function").putObject("function");
    function.put("name", NAME).put("description", "Call this function to select a choice.");
    ObjectNode params = function.putObject("parameters").put("type", "object");
    ObjectNode props = params.putObject("properties");
    props.putObject("reasons").put("type", "string").put("description", REASONS);
    ObjectNode choice = props.putObject("choice").put("type", "string").put("description", "The choice");
    choices.forEach(choice.putArray("enum")::add);
    params.putArray("required").add("reasons").add("choice");
    fields.putObject("tool_choice").put("type", "function").putObject("function").put("name", NAME);
    return fields;
  }

  public static String systemMessage(Collection<String> choices) {
    String enumList = choices.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
    return """
        You have access to the following function:

        Use the function '%1$s' to: Call this function to select a choice.
        {"name": "%1$s", "description": "Call this function to select a choice.", \
        "parameters": {"type": "object", "properties": {\
        "reasons": {"type": "string", "description": "Write out in a step by step manner your reasoning to be sure that your conclusion is correct. Avoid simply stating the correct answer at the outset."}, \
        "choice": {"type": "string", "enum": [%2$s], "description": "The choice"}}, \
        "required": ["reasons", "choice"]}}

        If you choose to call a function ONLY reply in the following format with no prefix or suffix:

        <function=example_function_name>{"example_name": "example_value"}</function>

        Reminder:
        - Function calls MUST follow the specified format, start with <function= and end with </function>
        - Required parameters MUST be specified
        - Only call one function at a time
        - Put the entire function call reply on one line
        - Always call %1$s to answer
        """.formatted(NAME, enumList);
  }
}
