package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * {@code idle_close_ms}: a keep-alive connection left idle is closed without {@code Connection: close}, and a
 * request sent on it afterwards never reaches the server. Spoken over a raw socket, so nothing reconnects.
 */
class IdleCloseTest {
  private static final String PROFILE = """
      idle_close_ms: 300
      providers:
        - name: Idle
          path: /idle
          models:
            - {id: quick, ttft_ms: 0, tokens_per_s: 100000}
            - {id: slow, ttft_ms: 700, tokens_per_s: 100000}
      """;

  @Test
  void anUnusedConnectionIsClosedToo() throws Exception {
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "inline"), 0);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
      socket.setSoTimeout(5_000);
      assertEquals(-1, socket.getInputStream().read(), "closed by the server, no bytes");
      assertEquals(1, sim.stats().idleCloses());
    }
  }

  @Test
  void anIdleConnectionIsClosedAndTheNextRequestNeverArrives() throws Exception {
    SimCalls.chat("quick", "warm up the JSON classes before the idle clock starts", false, false);
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "inline"), 0);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
      String first = exchange(socket, "quick");
      assertTrue(first.startsWith("HTTP/1.1 200"), first);
      assertFalse(first.toLowerCase(Locale.ROOT).contains("connection: close"), "no close announced: " + first);
      assertTrue(exchange(socket, "quick").startsWith("HTTP/1.1 200"), "reused within the idle time");

      Thread.sleep(900); // idle well past 300 ms: the server closes
      String late;
      try {
        late = exchange(socket, "quick");
      } catch (IOException e) {
        late = "";  // a reset is as good as an end of stream here
      }
      assertEquals("", late, "no reply on a closed connection");
      assertTrue(sim.awaitIdle(5_000));
      assertEquals(2, sim.requestLog().size(), "the late request never reached the server");
      assertEquals(1, sim.stats().idleCloses());
      try (Response r = SimCalls.get("http://127.0.0.1:" + sim.port() + "/stats")) {
        assertEquals(1, SimCalls.JSON.readTree(r.body().string()).path("idle_closes").asInt());
      }
    }
  }

  @Test
  void aReplySlowerThanTheIdleTimeIsNotCut() throws Exception {
    SimCalls.chat("slow", "warm up the JSON classes before the idle clock starts", false, false);
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "inline"), 0);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
      assertTrue(exchange(socket, "slow").startsWith("HTTP/1.1 200"));
      assertTrue(sim.awaitIdle(5_000));
      assertTrue(sim.requestLog().get(0).serviceMs() >= 700);
      assertEquals(0, sim.stats().idleCloses());
    }
  }

  /** One non-streamed request and its whole reply, headers and body; "" when the server closed instead. */
  private static String exchange(Socket socket, String model) throws IOException {
    byte[] body = SimCalls.chat(model, "hello", false, false).toString().getBytes(StandardCharsets.UTF_8);
    OutputStream out = socket.getOutputStream();
    out.write(("POST /idle/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    socket.setSoTimeout(10_000);
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) return head.toString(StandardCharsets.US_ASCII);
      head.write(b);
    }
    String headers = head.toString(StandardCharsets.US_ASCII);
    int length = Integer.parseInt(headers.toLowerCase(Locale.ROOT).split("content-length: ")[1].split("\r\n")[0].trim());
    return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
