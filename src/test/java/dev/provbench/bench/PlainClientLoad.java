package dev.provbench.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The baseline of the headroom benchmark: the least a client can do against the same server at the same load.
 * {@code inFlight} threads, each on its own keep-alive connection, send {@code rounds} streamed chat completions one
 * after another and note when each ended and its completion id; no Spark, no scoring, no Parquet. What it cannot
 * reach, the server and loopback cannot give, so provbench's shortfall below it is provbench's own.
 */
final class PlainClientLoad {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(chatcmpl-[^\"]+)\"");

  /**
   * One answered call.
   *
   * @param responseId    the completion's id, to find the server's own record of it.
   * @param latencyMs     request sent to last byte read, on the client's clock.
   * @param finishedNanos {@link System#nanoTime()} when the last byte was read.
   */
  record Call(String responseId, double latencyMs, long finishedNanos) {}

  private PlainClientLoad() {}

  /** Runs the load; returns the answered calls (a failed call is left out and counted by the caller as missing). */
  static List<Call> run(String chatUrl, String model, int inFlight, int rounds) throws InterruptedException {
    OkHttpClient client = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(inFlight * 2, 5, TimeUnit.MINUTES))
        .retryOnConnectionFailure(false)
        .readTimeout(Duration.ofSeconds(60))
        .build();
    String body = body(model);
    ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    ExecutorService threads = Executors.newFixedThreadPool(inFlight);
    for (int t = 0; t < inFlight; t++) {
      threads.execute(() -> {
        for (int r = 0; r < rounds; r++) {
          Call c = call(client, chatUrl, body);
          if (c != null) calls.add(c);
        }
      });
    }
    threads.shutdown();
    threads.awaitTermination(10, TimeUnit.MINUTES);
    client.connectionPool().evictAll();
    return List.copyOf(calls);
  }

  private static Call call(OkHttpClient client, String url, String body) {
    Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build();
    long sent = System.nanoTime();
    try (Response r = client.newCall(request).execute()) {
      String text = r.body().string();
      long done = System.nanoTime();
      Matcher id = ID.matcher(text);
      if (r.code() != 200 || !id.find()) return null;
      return new Call(id.group(1), (done - sent) / 1e6, done);
    } catch (IOException e) {
      return null;
    }
  }

  /** A streamed judge request like the ones provbench sends: the data markers the simulated judge reads. */
  private static String body(String model) {
    String prompt = "Compare the factual content of a submitted answer with an expert answer.\\n[BEGIN DATA]\\n"
        + "************\\n[Question]: question 1\\n************\\n[Expert]: answer\\n************\\n"
        + "[Submission]: answer\\n************\\n[END DATA]\\n(A) subset\\n(B) superset\\n(C) same\\n(D) disagree\\n(E) no matter";
    return "{\"model\": \"" + model + "\", \"temperature\": 0, \"max_tokens\": 2048, \"stream\": true,"
        + " \"stream_options\": {\"include_usage\": true}, \"messages\": [{\"role\": \"user\", \"content\": \"" + prompt + "\"}]}";
  }
}
