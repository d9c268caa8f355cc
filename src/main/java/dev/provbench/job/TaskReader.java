package dev.provbench.job;

import dev.provbench.input.PromptTemplates;
import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import dev.provbench.input.YamlFields;
import dev.provbench.task.ChatTask;
import dev.provbench.task.ConversationHistory;
import dev.provbench.task.MessageTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the job's {@code task:} block; unset fields take {@link TaskSpec}'s defaults. */
final class TaskReader {
  private TaskReader() {}

  static TaskSpec read(YamlFields job, StoragePath dir) {
    YamlFields t = job.object("task");
    if (t == null) throw job.missing("task", "add `task:` with at least `template: ../data/templates/factuality.yaml`");
    String type = t.string("type", TaskSpec.FACTUALITY);
    List<String> types = List.of(TaskSpec.FACTUALITY, TaskSpec.CHAT, TaskSpec.CONVERSATION);
    if (!types.contains(type)) {
      String near = YamlFields.nearest(type, types);
      throw t.error("type", "unknown task `" + type + "`",
          near != null ? "did you mean `" + near + "`?" : "use `factuality`, `chat` or `conversation`");
    }
    StoragePath template = type.equals(TaskSpec.FACTUALITY) ? template(t, dir) : null;
    double temperature = t.number("temperature", TaskSpec.DEFAULT_TEMPERATURE, 0, 2, "use a temperature between 0 and 2");
    int maxTokens = t.integer("max_tokens", TaskSpec.DEFAULT_MAX_TOKENS, 1, "allow at least one output token, e.g. 2048");
    boolean stream = t.bool("stream", TaskSpec.DEFAULT_STREAM);
    boolean cacheBust = t.bool("cache_bust", TaskSpec.DEFAULT_CACHE_BUST);
    String toolMode = TaskSpec.DEFAULT_TOOL_MODE;
    ChatTask chat = null;
    if (type.equals(TaskSpec.FACTUALITY)) {
      toolMode = t.string("tool_mode", TaskSpec.DEFAULT_TOOL_MODE);
      if (!toolMode.equals(TaskSpec.TEXT_TOOLS) && !toolMode.equals(TaskSpec.NATIVE_TOOLS)) {
        throw t.error("tool_mode", "unknown tool mode `" + toolMode + "`", "use `text` (the reference format) or `native`");
      }
    } else {
      if (t.has("template")) throw t.error("template", "a chat task has `messages`, not a judge template", "remove `template`, or use `type: factuality`");
      boolean conversation = type.equals(TaskSpec.CONVERSATION);
      List<MessageTemplate> messages = conversation && !t.has("messages") ? List.of() : messages(t);
      ConversationHistory history = conversation ? history(t) : null;
      String params = RequestFields.read(t, "params", Set.of("temperature", "max_tokens"), "set `task.%s` instead");
      chat = new ChatTask(messages, params == null ? "{}" : params, ExtractReader.read(t), List.of(), history);
    }
    t.finish();
    return new TaskSpec(template, temperature, maxTokens, stream, cacheBust, toolMode, chat);
  }

  private static ConversationHistory history(YamlFields t) {
    String value = t.string("history", ConversationHistory.OWN.value());
    for (ConversationHistory h : ConversationHistory.values()) if (h.value().equals(value)) return h;
    throw t.error("history", "unknown history `" + value + "`",
        "use `own` (each turn carries the model's own earlier replies) or `recorded` (the case's `assistant` replies)");
  }

  private static StoragePath template(YamlFields t, StoragePath dir) {
    StoragePath template = dir.resolve(t.requiredString("template",
        "name the judge template, e.g. `template: ../data/templates/factuality.yaml`"));
    if (!Storage.isFile(template)) {
      throw t.error("template", "file not found: " + template.normalize(), "check the path; it is relative to the job file's folder");
    }
    return template;
  }

  private static List<MessageTemplate> messages(YamlFields t) {
    List<MessageTemplate> out = new ArrayList<>();
    for (YamlFields m : t.objects("messages", "list the messages, e.g. `- {role: user, content: \"{{question}}\"}`")) {
      String role = m.requiredString("role", "give each message a role: system, user or assistant");
      if (!MessageTemplate.ROLES.contains(role)) {
        String near = YamlFields.nearest(role, MessageTemplate.ROLES);
        throw m.error("role", "unknown role `" + role + "`", near != null ? "did you mean `" + near + "`?" : "use system, user or assistant");
      }
      m.requiredString("content", "give the message text; `{{field}}` inserts a case's input field");
      String content = m.raw("content").asText(); // as written: a trailing newline is part of the prompt
      try {
        PromptTemplates.compiled(content);
      } catch (RuntimeException e) {
        throw m.error("content", "is not a valid mustache template: " + e.getMessage(), "close every {{#section}} with {{/section}}");
      }
      m.finish();
      out.add(new MessageTemplate(role, content));
    }
    return out;
  }
}
