package dev.provbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * Headless Chromium driven through the DevTools protocol: started with {@code --remote-debugging-port=0} on
 * 127.0.0.1 and a profile of its own, its port read from the profile's {@code DevToolsActivePort}, its page's
 * WebSocket found at {@code /json}, then commands over OkHttp's WebSocket client. Every network route but the
 * loopback is closed. Collects what a page reports as wrong: console errors, uncaught exceptions and error log
 * entries (failed requests among them). One browser, one page; commands from one thread at a time. Close it in a
 * finally block: that ends the browser.
 */
final class DevToolsBrowser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Duration COMMAND = Duration.ofSeconds(120);

  private final Process process;
  private final OkHttpClient http;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

  private DevToolsBrowser(Process process, OkHttpClient http, String pageSocket) {
    this.process = process;
    this.http = http;
    this.socket = http.newWebSocket(new Request.Builder().url(pageSocket).build(), new Listener());
  }

  /** Starts Chromium with a window of {@code width} × {@code height} CSS pixels and its profile under {@code dir}. */
  static DevToolsBrowser start(Path dir, int width, int height) throws Exception {
    Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
    // A port file left by an earlier browser in this profile would name a port nobody listens on.
    Files.deleteIfExists(profile.resolve("DevToolsActivePort"));
    Process process = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height, "--hide-scrollbars", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "about:blank")
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(COMMAND).build();
    try {
      int port = port(profile.resolve("DevToolsActivePort"), process);
      return new DevToolsBrowser(process, http, pageSocket(http, port));
    } catch (Exception | Error e) {
      process.destroyForcibly();
      shutDown(http);
      throw e;
    }
  }

  /** The port Chromium wrote into its profile once it listens. */
  private static int port(Path activePort, Process process) throws Exception {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new IllegalStateException("chromium exited with " + process.exitValue());
      if (Files.exists(activePort)) {
        List<String> lines = Files.readAllLines(activePort);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) return Integer.parseInt(lines.get(0).trim());
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("chromium wrote no " + activePort + " within " + STARTUP);
  }

  private static String pageSocket(OkHttpClient http, int port) throws IOException {
    try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/json").build()).execute()) {
      for (JsonNode target : JSON.readTree(r.body().string())) {
        if (target.path("type").asText().equals("page")) return target.get("webSocketDebuggerUrl").asText();
      }
    }
    throw new IllegalStateException("chromium on port " + port + " lists no page");
  }

  /** Turns on the events this class collects; call once after start. */
  DevToolsBrowser listen() throws Exception {
    for (String domain : List.of("Runtime", "Log", "Page")) send(domain + ".enable", Map.of());
    return this;
  }

  /** Sends a command and returns its result. */
  JsonNode send(String method, Map<String, ?> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    if (!socket.send(JSON.writeValueAsString(message))) throw new IllegalStateException("the DevTools socket is closed");
    JsonNode answer = reply.get(COMMAND.toSeconds(), TimeUnit.SECONDS);
    if (answer.has("error")) throw new IllegalStateException(method + " failed: " + answer.get("error"));
    return answer.get("result");
  }

  /** Opens {@code url} and waits for its load event. */
  void navigate(String url) throws Exception {
    loaded = new CompletableFuture<>();
    JsonNode result = send("Page.navigate", Map.of("url", url));
    if (result.hasNonNull("errorText")) throw new IllegalStateException("cannot open " + url + ": " + result.get("errorText"));
    loaded.get(COMMAND.toSeconds(), TimeUnit.SECONDS);
  }

  /** Evaluates a JavaScript expression in the page (promises awaited) and returns its value as JSON. */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
        "awaitPromise", true, "userGesture", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("page script failed: " + result.get("exceptionDetails") + "\n" + expression);
    }
    return result.path("result").path("value");
  }

  /** Evaluates {@code condition} until it is true, at most {@code timeout}. */
  void waitFor(String condition, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!evaluate("Boolean(" + condition + ")").asBoolean()) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("not true within " + timeout + ": " + condition);
      Thread.sleep(20);
    }
  }

  /** The whole page as PNG, beyond the window. */
  byte[] screenshot() throws Exception {
    JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    return Base64.getDecoder().decode(shot.get("data").asText());
  }

  /** The page from {@code top} down {@code height} CSS pixels, the window's width, as PNG. */
  byte[] screenshot(double top, int height) throws Exception {
    double width = evaluate("document.documentElement.clientWidth").asDouble();
    JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", top, "width", width, "height", height, "scale", 1)));
    return Base64.getDecoder().decode(shot.get("data").asText());
  }

  /** Console errors, uncaught exceptions and error log entries so far, one line each. */
  List<String> problems() {
    return new ArrayList<>(problems);
  }

  @Override
  public void close() {
    socket.close(1000, "done");
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      shutDown(http);
    }
  }

  private static void shutDown(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Routes replies to their commands and keeps the events this class collects. */
  private final class Listener extends WebSocketListener {
    @Override
    public void onMessage(WebSocket webSocket, String text) {
      try {
        JsonNode message = JSON.readTree(text);
        if (message.has("id")) {
          CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
          if (reply != null) reply.complete(message);
          return;
        }
        event(message.path("method").asText(), message.path("params"));
      } catch (IOException e) {
        problems.add("unreadable DevTools message: " + e.getMessage());
      }
    }

    private void event(String method, JsonNode params) {
      switch (method) {
        case "Page.loadEventFired" -> loaded.complete(null);
        case "Runtime.exceptionThrown" -> problems.add("uncaught: " + params.path("exceptionDetails").path("exception")
            .path("description").asText(params.path("exceptionDetails").path("text").asText()));
        case "Runtime.consoleAPICalled" -> {
          String type = params.path("type").asText();
          if (type.equals("error") || type.equals("assert")) problems.add("console." + type + ": " + params.path("args"));
        }
        case "Log.entryAdded" -> {
          JsonNode entry = params.path("entry");
          if (entry.path("level").asText().equals("error")) {
            problems.add("log " + entry.path("source").asText() + ": " + entry.path("text").asText() + " "
                + entry.path("url").asText());
          }
        }
        default -> { }
      }
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      pending.values().forEach(f -> f.completeExceptionally(t));
    }
  }
}
