import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Writes a chat trace in the Mooncake layout (JSON lines of timestamp ms, input_length, output_length, hash_ids, plus
 * session_id), invented from a few distributions, not taken from any recorded traffic: conversations of several
 * turns, each turn's prompt the shared system prompt (hash id 0, one block), the conversation so far and a new user
 * message, so a later turn shares the earlier turn's full blocks (the same leading hash ids); conversations start in
 * bursts (a Poisson process whose rate switches between calm and busy spells); user messages and answers have
 * log-normal lengths; a user thinks a log-normal time between turns. The same arguments give the same file.
 *
 * <pre>java data/generate/ChatTrace.java data/traces/chat-trace.jsonl 150 20 7</pre>
 *
 * Arguments: output file, conversations (default 150), seconds over which conversations start (default 20),
 * seed (default 7). With the defaults: 483 requests over 61 s, about 8 requests per second on average with
 * seconds of up to 25.
 */
public class ChatTrace {
  static final int BLOCK = 512;
  static final int SYSTEM_TOKENS = BLOCK;

  record Request(long timestampMs, int input, int output, List<Long> hashIds, String session) {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "data/traces/chat-trace.jsonl");
    int conversations = args.length > 1 ? Integer.parseInt(args[1]) : 150;
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 20;
    Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 7);
    List<Request> requests = new ArrayList<>();
    long[] nextId = {1};
    double t = 0;
    for (int c = 1; c <= conversations; c++) {
      t += startGap(t, seconds, conversations, random);
      conversation(String.format("s%04d", c), t * 1000, random, nextId, requests);
    }
    requests.sort(Comparator.comparingLong(Request::timestampMs).thenComparing(Request::session));
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
      for (Request r : requests) {
        w.printf("{\"timestamp\": %d, \"input_length\": %d, \"output_length\": %d, \"hash_ids\": %s, \"session_id\": \"%s\"}%n",
            r.timestampMs(), r.input(), r.output(), r.hashIds().toString(), r.session());
      }
    }
    System.err.printf("%s: %d requests in %d conversations over %.1f s%n", out, requests.size(), conversations,
        requests.get(requests.size() - 1).timestampMs() / 1000.0);
  }

  /** Seconds to the next conversation's start: exponential, at three times the mean rate in busy spells (every other 6 s). */
  static double startGap(double now, double seconds, int conversations, Random random) {
    double mean = seconds / conversations;
    boolean busy = ((int) (now / 6)) % 2 == 1;
    double rate = (busy ? 1.5 : 0.5) / mean;
    return -Math.log(1 - random.nextDouble()) / rate;
  }

  /** One conversation of 1 to 8 turns; each turn's prompt holds the last one's, its full blocks keeping their ids. */
  static void conversation(String session, double startMs, Random random, long[] nextId, List<Request> out) {
    int turns = 1 + Math.min(7, (int) (-Math.log(1 - random.nextDouble()) * 2.5));
    List<Long> ids = new ArrayList<>(List.of(0L));  // block 0: the shared system prompt
    int previous = SYSTEM_TOKENS;
    double at = startMs;
    for (int k = 0; k < turns; k++) {
      int user = logNormal(random, 150, 0.8, 10, 2000);
      int output = logNormal(random, 120, 0.7, 8, 1024);
      int input = previous + user;
      int kept = previous / BLOCK;  // blocks the last prompt filled are this one's too
      List<Long> hashIds = new ArrayList<>(ids.subList(0, Math.min(kept, ids.size())));
      while (hashIds.size() < (input + BLOCK - 1) / BLOCK) hashIds.add(nextId[0]++);
      out.add(new Request(Math.round(at), input, output, List.copyOf(hashIds), session));
      ids = hashIds;
      previous = input + output;
      at += output * 5 + logNormal(random, 2500, 0.6, 300, 15000);  // the answer at about 200 tokens/s, then thinking
    }
  }

  static int logNormal(Random random, double median, double sigma, int min, int max) {
    return (int) Math.max(min, Math.min(max, Math.round(median * Math.exp(sigma * random.nextGaussian()))));
  }
}
