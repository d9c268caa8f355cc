package dev.provbench.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local OpenAI-compatible providers that behave like real ones, as described by a {@link SimProfile}:
 * each provider answers under its own path on 127.0.0.1. Start one with {@link #start(SimProfile, int)};
 * close it when done. One per profile; thread-safe. Requests run on a cached thread pool and sleep on
 * their own thread, so a slow or hung request never holds up another.
 *
 * <p>Routes: {@code POST {path}/v1/chat/completions}, {@code GET {path}/v1/models}, {@code GET /stats},
 * {@code GET /health}. With {@code idle_close_ms}, clients reach the server through an {@link IdleClosingFront}.
 */
public final class SimulatedProviders implements AutoCloseable {
  /** How many request records {@link #requestLog()} keeps; older ones are dropped first. */
  public static final int LOG_CAPACITY = 1_000_000;

  static {
    // Read once by the JDK server when it first loads; a value set by the user wins.
    // Small SSE writes must leave at once; Nagle's algorithm would hold them for the client's delayed ACK.
    defaultProperty("sun.net.httpserver.nodelay", "true");
    // The default keeps 200 idle keep-alive connections and closes the rest under clients that just
    // reused them ("unexpected end of stream"); allow the 256+ that a benchmark or a job holds open.
    defaultProperty("sun.net.httpserver.maxIdleConnections", "4096");
  }

  private static void defaultProperty(String key, String value) {
    if (System.getProperty(key) == null) System.setProperty(key, value);
  }

  private final SimProfile profile;
  private final HttpServer server;
  private final IdleClosingFront front;
  private final ExecutorService threads;
  private final Map<String, ChatCompletionsRoute> chatRoutes = new HashMap<>();
  private final Map<String, SimProvider> modelRoutes = new HashMap<>();
  private final List<ModelLoad> loads = new ArrayList<>();
  private final RequestJournal journal = new RequestJournal(LOG_CAPACITY);
  private final AtomicInteger busy = new AtomicInteger();

  private SimulatedProviders(SimProfile profile, HttpServer server, IdleClosingFront front, ExecutorService threads) {
    this.profile = profile;
    this.server = server;
    this.front = front;
    this.threads = threads;
    AttemptCounter attempts = new AttemptCounter();
    PrefixCache prefixes = new PrefixCache(profile.cacheBlockTokens());
    for (SimProvider p : profile.providers()) {
      Map<String, ModelLoad> providerLoads = new HashMap<>();
      for (SimModel m : p.models()) {
        ModelLoad load = new ModelLoad(p.name(), m);
        providerLoads.put(m.id(), load);
        loads.add(load);
      }
      chatRoutes.put(p.path() + "/v1/chat/completions", new ChatCompletionsRoute(profile, p, providerLoads, attempts, prefixes, journal));
      modelRoutes.put(p.path() + "/v1/models", p);
    }
  }

  /** Serves {@code profile} on 127.0.0.1:{@code port}; port 0 picks a free one (see {@link #port()}). */
  public static SimulatedProviders start(SimProfile profile, int port) {
    ExecutorService threads = Executors.newCachedThreadPool(daemonThreads());
    boolean fronted = profile.idleCloseMs() > 0;
    HttpServer server = null;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), fronted ? 0 : port), 1024);
      IdleClosingFront front = fronted ? IdleClosingFront.open(port, server.getAddress(), profile.idleCloseMs(), threads) : null;
      SimulatedProviders sim = new SimulatedProviders(profile, server, front, threads);
      server.createContext("/", sim::route);
      server.setExecutor(threads);
      server.start();
      return sim;
    } catch (IOException e) {
      if (server != null) server.stop(0);
      threads.shutdownNow();
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  /** As {@link #start(SimProfile, int)}, with the profile's seed replaced. */
  public static SimulatedProviders start(SimProfile profile, int port, long seed) {
    return start(profile.withSeed(seed), port);
  }

  /** The port clients connect to (the idle-closing front's, when {@code idle_close_ms} is set). */
  public int port() {
    return front != null ? front.port() : server.getAddress().getPort();
  }

  public SimProfile profile() {
    return profile;
  }

  /** {@code http://127.0.0.1:PORT{path}/v1} of the provider with this name: an OpenAI client's base URL. */
  public String baseUrl(String providerName) {
    SimProvider p = profile.provider(providerName).orElseThrow(() -> new IllegalArgumentException(
        "no simulated provider named `" + providerName + "`; the profile has " + baseUrls().keySet()));
    return "http://127.0.0.1:" + port() + p.path() + "/v1";
  }

  /** Every provider's name and base URL, in profile order. */
  public Map<String, String> baseUrls() {
    Map<String, String> urls = new LinkedHashMap<>();
    for (SimProvider p : profile.providers()) urls.put(p.name(), "http://127.0.0.1:" + port() + p.path() + "/v1");
    return urls;
  }

  /**
   * Waits until no chat request is being handled (at most {@code timeoutMs}). A request is counted in
   * {@link #stats()} and {@link #requestLog()} when its handler returns, just after the client has read
   * its last byte: call this before reading them once the client is done. Returns whether it settled.
   */
  public boolean awaitIdle(long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    while (busy.get() > 0) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(2);
    }
    return true;
  }

  public SimStats stats() {
    List<ModelStats> models = new ArrayList<>();
    for (ModelLoad load : loads) models.add(load.snapshot());
    return new SimStats(journal.total(), front == null ? 0 : front.idleCloses(), models);
  }

  /** The last {@link #LOG_CAPACITY} chat completion requests, oldest first. */
  public List<RequestRecord> requestLog() {
    return journal.records();
  }

  /** Clears counters, maxima and the request log; requests in flight stay counted as in flight. */
  public void resetStats() {
    journal.reset();
    if (front != null) front.resetCount();
    loads.forEach(ModelLoad::reset);
  }

  /** Stops listening and drops requests still in flight. */
  @Override
  public void close() {
    if (front != null) front.close();
    server.stop(0);
    threads.shutdownNow();
  }

  private void route(HttpExchange exchange) throws IOException {
    if (front == null) {
      serveRoute(exchange);
      return;
    }
    front.exchangeStarted(exchange.getRemoteAddress());
    try {
      serveRoute(exchange);
    } finally {
      front.exchangeEnded(exchange.getRemoteAddress());
    }
  }

  private void serveRoute(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    ChatCompletionsRoute chat = chatRoutes.get(path);
    SimProvider models = modelRoutes.get(path);
    if (chat != null && method.equals("POST")) {
      busy.incrementAndGet();
      try {
        chat.handle(exchange);
      } finally {
        busy.decrementAndGet();
      }
    } else if (models != null && method.equals("GET")) {
      JsonReply.send(exchange, 200, ResponseBodies.models(models));
    } else if (path.equals("/stats") && method.equals("GET")) {
      JsonReply.send(exchange, 200, ResponseBodies.stats(stats()));
    } else if (path.equals("/health") && method.equals("GET")) {
      JsonReply.send(exchange, 200, ResponseBodies.health());
    } else {
      drain(exchange);
      boolean known = chat != null || models != null || path.equals("/stats") || path.equals("/health");
      JsonReply.error(exchange, known ? 405 : 404, known ? method + " is not allowed on " + path
          : "Unknown route " + method + " " + path + ". Routes: " + baseUrls().values() + " + /chat/completions"
              + " or /models, /stats, /health.", "invalid_request_error", known ? "method_not_allowed" : "not_found");
    }
  }

  private static void drain(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "sim-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
