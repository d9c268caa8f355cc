package dev.provbench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A fake OpenAI-compatible provider serving one script per model: the n-th request of a cell (same model,
 * same messages) gets the script's n-th reply, the last one repeating. Counts every request and fault per
 * model and keeps the Authorization headers it saw. Thread-safe.
 */
final class ScriptedProvider extends Dispatcher {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, List<Reply>> scripts;
  private final Map<String, AtomicInteger> attemptsByCell = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> faults = new ConcurrentHashMap<>();
  final Set<String> authorizations = ConcurrentHashMap.newKeySet();
  final AtomicInteger total = new AtomicInteger();
  /** One line per request: model, attempt of its cell, connection and exchange on it, reply. */
  final Queue<String> journal = new ConcurrentLinkedQueue<>();

  ScriptedProvider(Map<String, List<Reply>> scripts) {
    this.scripts = Map.copyOf(scripts);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    total.incrementAndGet();
    String auth = request.getHeaders().get("Authorization");
    if (auth != null) authorizations.add(auth);
    JsonNode body;
    try {
      body = JSON.readTree(request.getBody() == null ? "" : request.getBody().utf8());
    } catch (IOException e) {
      return new MockResponse.Builder().code(400).body("not JSON").build();
    }
    String model = body.path("model").asText();
    List<Reply> script = scripts.get(model);
    if (script == null) return new MockResponse.Builder().code(404).body("{\"error\": {\"message\": \"no model\"}}").build();
    requests.computeIfAbsent(model, k -> new AtomicInteger()).incrementAndGet();
    int n = attemptsByCell.computeIfAbsent(model + "\n" + body.path("messages"), k -> new AtomicInteger()).getAndIncrement();
    Reply reply = script.get(Math.min(n, script.size() - 1));
    journal.add(System.currentTimeMillis() % 100_000 + " " + model + " #" + (n + 1) + " conn " + request.getConnectionIndex()
        + "/" + request.getExchangeIndex() + " " + reply.label() + " " + body.path("messages").path(1).path("content").asText().hashCode());
    if (reply.fault()) faults.computeIfAbsent(model, k -> new AtomicInteger()).incrementAndGet();
    return reply.make(auth == null ? "none" : auth, body.path("stream").asBoolean());
  }

  int requests(String model) {
    AtomicInteger n = requests.get(model);
    return n == null ? 0 : n.get();
  }

  int faults(String model) {
    AtomicInteger n = faults.get(model);
    return n == null ? 0 : n.get();
  }
}
