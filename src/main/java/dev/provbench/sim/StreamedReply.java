package dev.provbench.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a reply as server-sent events, paced like generation: a role chunk at once; at the first-token
 * delay the reasoning deltas (if the model reasons), spread over its reasoning time; then the answer,
 * as content deltas or as a tool call (a first delta with id and name, then argument fragments), at the
 * model's tokens per second, each content delta with the log-probabilities of the words it starts when the request
 * asked for them; then the finish chunk, the usage chunk if asked and sent, and
 * {@code data: [DONE]}. Each event is {@code data: <json>\n\n}, flushed. Stateless.
 */
final class StreamedReply {
  /** About three tokens per delta, cut after a space where one is near. */
  static final int CHUNK_CHARS = 12;

  private StreamedReply() {}

  /**
   * With {@code truncate}, only the first half of the answer goes out, then the connection drops.
   * {@code release} runs just before {@code [DONE]}, the event after which a client counts the call as done.
   */
  static void write(HttpExchange exchange, Completion c, boolean includeUsage, ScaledClock clock, boolean truncate,
      Runnable release, ReplyTrace trace) throws IOException, InterruptedException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    event(out, ResponseBodies.roleChunk(c));
    Completion.Message m = c.message();
    Completion.Pace pace = c.pace();
    if (m.reasoning() != null) {
      List<String> thoughts = pieces(m.reasoning());
      int sentChars = 0;
      for (String piece : thoughts) {
        clock.sleepUntil(pace.ttftMs() + pace.reasoningMs() * sentChars / m.reasoning().length());
        trace.delta(false);
        event(out, ResponseBodies.reasoningChunk(c, piece));
        sentChars += piece.length();
      }
    }
    boolean toolCall = m.mode() == ReplyMode.TOOL_CALLS;
    if (toolCall) {
      clock.sleepUntil(pace.answerStartMs());
      trace.delta(true);
      event(out, ResponseBodies.toolCallStartChunk(c));
    }
    List<String> pieces = pieces(m.text());
    int sentChars = 0;
    for (int i = 0; i < pieces.size(); i++) {
      if (truncate && i >= Math.max(1, pieces.size() / 2)) throw new DroppedConnection(Outcome.TRUNCATED);
      clock.sleepUntil(pace.answerStartMs() + pace.generationMs() * sentChars / Math.max(1, m.text().length()));
      String piece = pieces.get(i);
      trace.delta(true);
      event(out, toolCall ? ResponseBodies.toolArgumentsChunk(c, piece) : ResponseBodies.contentChunk(c, piece,
          m.logprobs() == null ? null : m.logprobsIn(sentChars, sentChars + piece.length())));
      sentChars += piece.length();
    }
    if (truncate) throw new DroppedConnection(Outcome.TRUNCATED);
    clock.sleepUntil(pace.durationMs());
    event(out, ResponseBodies.finishChunk(c));
    if (includeUsage && c.usage().sent()) {
      event(out, ResponseBodies.usageChunk(c));
      trace.usageSent();
    }
    release.run();
    event(out, "[DONE]");
    out.close();
  }

  /** Splits text into deltas of about {@link #CHUNK_CHARS} characters that join back to it exactly. */
  static List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + CHUNK_CHARS);
      int space = text.indexOf(' ', end);
      if (space >= 0 && space - end < CHUNK_CHARS / 2) end = space + 1;
      out.add(text.substring(start, end));
      start = end;
    }
    return out;
  }

  private static void event(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
