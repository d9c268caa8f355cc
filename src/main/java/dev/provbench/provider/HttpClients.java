package dev.provbench.provider;

import dev.provbench.job.Timeouts;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The one OkHttpClient of this JVM (it owns the connection pool) and its per-timeout variants, which
 * share that pool. Static so it never travels in a serialized closure; thread-safe.
 */
public final class HttpClients {
  private static final OkHttpClient BASE = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false) // a silent re-send of a paid POST; our retries count every attempt
      // Idle connections go after 4 s: servers that close idle ones after 5 s (uvicorn, so vLLM) would
      // otherwise fail the next request on a dead connection, and our retries count every attempt.
      .connectionPool(new ConnectionPool(256, 4, TimeUnit.SECONDS))
      // Servers may close sooner (or right after a response): a reused connection idle a while is checked first.
      .addNetworkInterceptor(StaleConnectionGuard.INSTANCE)
      .eventListener(StaleConnectionGuard.INSTANCE)
      .build();
  private static final Map<Timeouts, OkHttpClient> BY_TIMEOUTS = new ConcurrentHashMap<>();

  private HttpClients() {}

  public static OkHttpClient forTimeouts(Timeouts t) {
    return BY_TIMEOUTS.computeIfAbsent(t, k -> BASE.newBuilder()
        .connectTimeout(Duration.ofMillis(k.connectMs()))
        .readTimeout(Duration.ofMillis(k.readMs()))
        .writeTimeout(Duration.ofMillis(k.readMs()))
        .callTimeout(Duration.ofMillis(k.callMs()))
        .build());
  }
}
