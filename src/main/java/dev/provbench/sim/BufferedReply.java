package dev.provbench.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a non-streaming reply once the whole completion (reasoning included) is "generated". Stateless. */
final class BufferedReply {
  private BufferedReply() {}

  /** With {@code truncate}, half the body goes out under the full {@code Content-Length}, then the connection drops. */
  static void write(HttpExchange exchange, Completion c, ScaledClock clock, boolean truncate, Runnable release,
      ReplyTrace trace) throws IOException, InterruptedException {
    clock.sleepUntil(c.pace().durationMs());
    byte[] body = ResponseBodies.completion(c).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    OutputStream out = exchange.getResponseBody();
    if (truncate) {
      out.write(body, 0, body.length / 2);
      out.flush();
      throw new DroppedConnection(Outcome.TRUNCATED);
    }
    release.run(); // before the last bytes: a client that has read them finds the slot free
    out.write(body);
    if (c.usage().sent()) trace.usageSent();
    out.close();
  }
}
