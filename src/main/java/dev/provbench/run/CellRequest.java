package dev.provbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provbench.dataset.EvalCase;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.provider.ChatRequest;
import dev.provbench.task.ChatMessage;
import dev.provbench.task.ChatTask;
import dev.provbench.task.Conversation;
import dev.provbench.task.ConversationReply;
import dev.provbench.task.FactualityTask;
import dev.provbench.task.MessageTemplate;
import dev.provbench.task.Prompt;
import dev.provbench.task.SelectChoiceTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The request a cell sends: its case rendered with the job's task (the judge template, or a chat task's messages
 * and request fields), the model's own request fields over them, the cache-bust nonce when asked for, and the job's
 * request parameters. The one home of that rule, used by the run, its estimate and the preflight check, so what is
 * estimated and checked is what is sent. Stateless.
 */
public final class CellRequest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CellRequest() {}

  public static ChatRequest of(RunSpec spec, ProviderSpec provider, ModelSpec model, String cellId, EvalCase evalCase) {
    return of(spec, provider, model, cellId, evalCase, -1);
  }

  /**
   * The request of case {@code caseIndex}: in a trace replay, its {@code max_tokens} is the row's output length (and,
   * with {@code exact_output}, vLLM's {@code min_tokens} the same and {@code ignore_eos} true); -1 (estimates, checks)
   * sends the task's {@code max_tokens}.
   */
  public static ChatRequest of(RunSpec spec, ProviderSpec provider, ModelSpec model, String cellId, EvalCase evalCase,
      int caseIndex) {
    String nonce = spec.cacheBust() ? CacheBust.nonce(spec.runId(), cellId) : "";
    if (spec.chat() != null && spec.chat().isConversation()) {
      return turn(spec, provider, model, cellId, evalCase, Conversation.parse(evalCase.input(), evalCase.where()), 1, List.of());
    }
    if (spec.chat() != null) return chat(spec, provider, model, nonce, evalCase, caseIndex);
    Prompt prompt = FactualityTask.prompt(spec.template(), evalCase.vars());
    ObjectNode overrides = null;
    String system = prompt.system();
    if (spec.nativeTools()) {
      system = SelectChoiceTool.NATIVE_SYSTEM;
      overrides = SelectChoiceTool.nativeFields(spec.template().choiceScores().keySet());
    }
    overrides = withModelFields(overrides, model);
    return new ChatRequest(model.id(), nonce + system, prompt.user(), spec.temperature(), spec.maxTokens(), spec.stream(),
        provider.streamOptions(), overrides);
  }

  private static ChatRequest chat(RunSpec spec, ProviderSpec provider, ModelSpec model, String nonce, EvalCase evalCase,
      int caseIndex) {
    return messages(spec, provider, model, nonce, spec.chat().render(evalCase.input()).stream().map(ChatMessage::of).toList(),
        caseIndex);
  }

  /**
   * The request of a conversation's turn: the task's opening messages for the case, then the earlier turns with
   * {@code replies}, then this turn's message (a user message, or the results of the tools the reply before called).
   *
   * @param turn    1-based.
   * @param replies the earlier turns' replies, in order (the model's own or the recorded ones).
   */
  public static ChatRequest turn(RunSpec spec, ProviderSpec provider, ModelSpec model, String cellId, EvalCase evalCase,
      Conversation conversation, int turn, List<ConversationReply> replies) {
    String nonce = spec.cacheBust() ? CacheBust.nonce(spec.runId(), cellId) : "";
    List<MessageTemplate> opening = spec.chat().render(evalCase.input());
    return messages(spec, provider, model, nonce, conversation.messages(opening, turn, replies), -1);
  }

  /**
   * Every turn's request of a conversation, for estimates: the earlier replies are the recorded ones, else the turns'
   * expected answers as text, else empty (the model's own replies are not known before the run).
   */
  public static List<ChatRequest> turns(RunSpec spec, ProviderSpec provider, ModelSpec model, String cellId, EvalCase evalCase) {
    Conversation conversation = Conversation.parse(evalCase.input(), evalCase.where());
    List<ConversationReply> replies = new ArrayList<>();
    for (Conversation.Turn t : conversation.turns()) {
      replies.add(t.recorded() != null ? t.recorded()
          : new ConversationReply(t.expectedJson() == null ? "" : CellRunner.expectedText(t.expectedJson()), null));
    }
    List<ChatRequest> out = new ArrayList<>();
    for (int turn = 1; turn <= conversation.turns().size(); turn++) {
      out.add(turn(spec, provider, model, cellId, evalCase, conversation, turn, replies));
    }
    return out;
  }

  /** @param caseIndex a trace replay's row, whose output length is {@code max_tokens}; -1 for the task's. */
  private static ChatRequest messages(RunSpec spec, ProviderSpec provider, ModelSpec model, String nonce,
      List<ChatMessage> messages, int caseIndex) {
    ChatTask task = spec.chat();
    ObjectNode overrides = (ObjectNode) task.paramsJson();
    ArrayNode array = overrides.putArray("messages");
    for (int i = 0; i < messages.size(); i++) message(array.addObject(), messages.get(i), i == 0 ? nonce : "");
    int maxTokens = spec.maxTokens();
    if (spec.trace() != null && caseIndex >= 0) {
      maxTokens = spec.trace().outputTokens()[caseIndex];
      if (spec.trace().exactOutput()) overrides.put("min_tokens", maxTokens).put("ignore_eos", true);
    }
    overrides = withModelFields(overrides, model);
    // system and user only size the request (estimates, pacing): the messages themselves go in the overrides.
    String system = messages.stream().filter(m -> m.role().equals("system")).map(ChatMessage::content)
        .collect(Collectors.joining("\n"));
    String rest = messages.stream().filter(m -> !m.role().equals("system")).map(m -> m.content() == null ? "" : m.content())
        .collect(Collectors.joining("\n"));
    return new ChatRequest(model.id(), nonce + system, rest, spec.temperature(), maxTokens, spec.stream(),
        provider.streamOptions(), overrides);
  }

  /** One message as the chat completions API takes it: an assistant's tool calls and a tool result's call id too. */
  private static void message(ObjectNode out, ChatMessage m, String nonce) {
    out.put("role", m.role());
    if (m.content() == null) out.putNull("content");
    else out.put("content", nonce + m.content());
    if (m.toolCalls() != null) {
      ArrayNode calls = out.putArray("tool_calls");
      try {
        for (JsonNode c : JSON.readTree(m.toolCalls())) {
          calls.addObject().put("id", c.path("id").asText()).put("type", "function").putObject("function")
              .put("name", c.path("name").asText()).put("arguments", c.path("arguments").asText());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (m.toolCallId() != null) out.put("tool_call_id", m.toolCallId());
  }

  private static ObjectNode withModelFields(ObjectNode overrides, ModelSpec model) {
    if (model.request() == null) return overrides;
    ObjectNode out = overrides == null ? JSON.createObjectNode() : overrides;
    try {
      JsonNode own = JSON.readTree(model.request());
      own.properties().forEach(e -> out.set(e.getKey(), e.getValue()));
    } catch (IOException e) {
      throw new UncheckedIOException("model " + model.id() + ": request fields are not JSON", e);
    }
    return out;
  }
}
