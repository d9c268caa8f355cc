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
 * A server closes an idle keep-alive connection (uvicorn, and so vLLM, does after 5 s; OkHttp only checks
 * the health of connections idle 10 s or more). The next call must not pay for it with a failed attempt
 * and a back-off: the server never saw that request.
 */
class StaleConnectionTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();

  @Test
  void aKeepAliveConnectionTheServerClosedIsNotAFailedAttempt() throws Exception {
    server.enqueue(new MockResponse.Builder().body(Reply.completion(Reply.ANSWER))
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().body(Reply.completion(Reply.ANSWER)).build());
    server.enqueue(new MockResponse.Builder().body(Reply.completion(Reply.ANSWER)).build());
    ModelSpec model = new ModelSpec("m", "8b", null, null, 1, null);
    ProviderSpec p = new ProviderSpec("P", server.url("/v1").toString().replaceAll("/$", ""), null, Map.of(), List.of(model));
    ChatCompletionClient client = new ChatCompletionClient(p, model, new Timeouts(1000, 1001, 5000), null);
    RetryingCaller caller = new RetryingCaller(new RetryPolicy(3, 20, 100, 0));
    ChatRequest request = new ChatRequest("m", "s", "u", 0, 9, false);
    caller.call(() -> client.send(request));
    Thread.sleep(300);
    CallOutcome second = caller.call(() -> client.send(request));
    assertEquals(2, server.getRequestCount(), "requests that reached the server");
    assertEquals(1, second.attempts(), second.history().toString());
  }
}
