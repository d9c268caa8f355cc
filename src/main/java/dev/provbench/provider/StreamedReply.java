package dev.provbench.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A streamed completion as its chunks arrive: content, reasoning, tool-call and log-probability deltas joined, the first
 * response id, the last usage seen, and when the non-empty deltas came. One per attempt; not thread-safe.
 */
final class StreamedReply {
  private final long startNanos;
  private final StringBuilder content = new StringBuilder();
  private final StringBuilder reasoning = new StringBuilder();
  /** Tool calls by their {@code index}: the first delta brings the name, later ones argument fragments. */
  private final TreeMap<Integer, ToolCallParts> toolCalls = new TreeMap<>();
  private final List<Integer> gapsMs = new ArrayList<>();
  /** The chunks' {@code logprobs.content} positions joined; null until a chunk carries some. */
  private List<TokenLogprob> logprobs;
  private String responseId;
  private Usage usage;
  private boolean sawChoice;
  private Long ttftMs;
  private Long firstAnswerMs;
  private long lastDeltaNanos;

  /** @param startNanos {@link System#nanoTime()} just before the request was sent. */
  StreamedReply(long startNanos) {
    this.startNanos = startNanos;
  }

  private static final class ToolCallParts {
    String id;
    final StringBuilder name = new StringBuilder();
    final StringBuilder arguments = new StringBuilder();
  }

  /** Takes one chunk (a parsed {@code data:} event) that arrived at {@code nanos}. */
  void accept(JsonNode chunk, long nanos) {
    if (responseId == null) responseId = CompletionFields.id(chunk);
    Usage u = CompletionFields.usage(chunk);
    if (u != null) usage = u;
    JsonNode choices = chunk.path("choices");
    if (!choices.isArray() || choices.isEmpty()) return;
    sawChoice = true;
    JsonNode delta = choices.get(0).path("delta");
    List<TokenLogprob> positions = CompletionFields.logprobs(choices.get(0));
    if (positions != null) {
      if (logprobs == null) logprobs = new ArrayList<>();
      logprobs.addAll(positions);
    }
    String text = delta.path("content").isTextual() ? delta.path("content").asText() : "";
    String thought = CompletionFields.reasoning(delta);
    boolean tools = addToolCalls(delta.path("tool_calls"));
    content.append(text);
    reasoning.append(thought);
    if (!text.isEmpty() || tools) {
      if (firstAnswerMs == null) firstAnswerMs = ms(nanos - startNanos);
    }
    if (!text.isEmpty() || tools || !thought.isEmpty()) arrived(nanos);
  }

  private void arrived(long nanos) {
    if (ttftMs == null) ttftMs = ms(nanos - startNanos);
    else gapsMs.add((int) ms(nanos - lastDeltaNanos));
    lastDeltaNanos = nanos;
  }

  /** Adds tool-call fragments; true when any carried a name or argument text. */
  private boolean addToolCalls(JsonNode deltas) {
    boolean any = false;
    for (JsonNode d : deltas) {
      ToolCallParts call = toolCalls.computeIfAbsent(indexOf(d), k -> new ToolCallParts());
      if (call.id == null && d.path("id").isTextual()) call.id = d.path("id").asText();
      String name = d.path("function").path("name").asText("");
      String args = CompletionFields.arguments(d.path("function").path("arguments"));
      // Some servers repeat the whole name in every delta: keep it once.
      if (!name.isEmpty() && !call.name.toString().equals(name)) call.name.append(name);
      call.arguments.append(args);
      any |= !name.isEmpty() || !args.isEmpty();
    }
    return any;
  }

  /** The delta's {@code index}; without one (some gateways), a new id opens a new call, else the last goes on. */
  private int indexOf(JsonNode d) {
    if (d.path("index").isInt()) return d.path("index").asInt();
    if (toolCalls.isEmpty()) return 0;
    ToolCallParts last = toolCalls.lastEntry().getValue();
    boolean newId = d.path("id").isTextual() && last.id != null && !last.id.equals(d.path("id").asText());
    return newId ? toolCalls.lastKey() + 1 : toolCalls.lastKey();
  }

  boolean sawChoice() {
    return sawChoice;
  }

  int contentLength() {
    return content.length();
  }

  String responseId() {
    return responseId;
  }

  /** The server's usage, or null when none came. */
  Usage usage() {
    return usage;
  }

  /** What the stream carried, with {@code fallbackId} (the {@code x-request-id} header) when no chunk had an id. */
  Reply reply(String fallbackId) {
    List<ToolCall> calls = new ArrayList<>();
    toolCalls.values().forEach(c -> calls.add(new ToolCall(c.name.toString(), c.arguments.toString())));
    return new Reply(content.toString(), reasoning.length() == 0 ? null : reasoning.toString(), calls,
        responseId != null ? responseId : fallbackId, logprobs);
  }

  StreamTiming timing() {
    return new StreamTiming(ttftMs, firstAnswerMs,
        ttftMs == null ? null : gapsMs.stream().mapToInt(Integer::intValue).toArray());
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
