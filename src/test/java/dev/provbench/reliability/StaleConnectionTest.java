package dev.provbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.job.RetryPolicy;
import dev.provbench.job.Timeouts;
import dev.provbench.provider.CallOutcome;
import dev.provbench.provider.ChatCompletionClient;
import dev.provbench.provider.ChatRequest;
import dev.provbench.provider.RetryingCaller;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A server closes an idle keep-alive connection (uvicorn, and so vLLM, does after 5 s; some servers right after
 * a response; OkHttp only checks the health of connections idle 10 s or more). The next call must not pay for
 * it with a failed attempt and a back-off: the server never saw that request. A request the server did read
 * before dropping the connection is a failed attempt all the same, and is never re-sent silently.
 */
class StaleConnectionTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();

  private static MockResponse answer() {
    return new MockResponse.Builder().body(Reply.completion(Reply.ANSWER)).build();
  }

  /** Sends one call, waits past the idle check's threshold on a pooled connection, then sends another. */
  private CallOutcome secondCall() throws InterruptedException {
    ModelSpec model = new ModelSpec("m", "8b", null, null, 1, null);
    ProviderSpec p = new ProviderSpec("P", server.url("/v1").toString().replaceAll("/$", ""), null, Map.of(), List.of(model));
    ChatCompletionClient client = new ChatCompletionClient(p, model, new Timeouts(1000, 1001, 5000), null);
    RetryingCaller caller = new RetryingCaller(new RetryPolicy(3, 20, 100, 0));
    ChatRequest request = new ChatRequest("m", "s", "u", 0, 9, false);
    CallOutcome first = caller.call(() -> client.send(request));
    assertEquals("ok", first.last().outcome().status(), first.history().toString());
    Thread.sleep(300); // the connection sits idle in the pool, as between two cells
    return caller.call(() -> client.send(request));
  }

  @Test
  void aKeepAliveConnectionTheServerClosedIsNotAFailedAttempt() throws Exception {
    server.enqueue(new MockResponse.Builder().body(Reply.completion(Reply.ANSWER))
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(answer());
    CallOutcome second = secondCall();
    assertEquals(2, server.getRequestCount(), "requests that reached the server");
    assertEquals(1, second.attempts(), second.history().toString());
    assertEquals(1, second.reconnects(), "re-sent at once on a fresh connection");
    assertEquals(0, second.backoffMs());
    assertEquals("ok", second.last().outcome().status());
    assertEquals(0, server.takeRequest().getConnectionIndex());
    mockwebserver3.RecordedRequest resent = server.takeRequest();
    assertEquals(1, resent.getConnectionIndex(), "the answer came on a new connection");
    assertEquals(0, resent.getExchangeIndex());
  }

  @Test
  void aConnectionDroppedAfterTheServerReadTheRequestIsAFailedAttempt() throws Exception {
    server.enqueue(answer());
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(answer());
    CallOutcome second = secondCall();
    assertEquals(3, server.getRequestCount(), "requests that reached the server");
    assertEquals(2, second.attempts(), second.history().toString());
    assertEquals(0, second.reconnects(), "never re-sent silently");
    assertEquals("transport_error", second.history().get(0).outcome().status());
    assertEquals(20, second.backoffMs());
    assertEquals("ok", second.last().outcome().status());
  }
}
