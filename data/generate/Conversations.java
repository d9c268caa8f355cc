import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes data/chat/arithmetic.jsonl: multi-turn arithmetic conversations for `type: conversation` tasks. Each case's
 * input holds its `turns`: the first says "Start with N.", each later one adds, subtracts or multiplies, and every turn
 * expects the running total and records the right reply ("The number is now N."), so a job can replay either the
 * model's own replies or the recorded ones. A turn is right only when every earlier step was carried right, so under
 * `history: own` an early mistake shows in every later turn.
 *
 * Run from the project folder: java data/generate/Conversations.java 40 3 4 6 > data/chat/arithmetic.jsonl
 * (conversations, seed, fewest turns, most turns).
 */
public class Conversations {
  public static void main(String[] args) throws IOException {
    int count = Integer.parseInt(args[0]);
    Random random = new Random(Long.parseLong(args[1]));
    int fewest = Integer.parseInt(args[2]);
    int most = Integer.parseInt(args[3]);
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    for (int i = 1; i <= count; i++) {
      int turns = fewest + random.nextInt(most - fewest + 1);
      long total = 10 + random.nextInt(90);
      StringBuilder line = new StringBuilder("{\"id\": \"arith-" + String.format("%03d", i) + "\", \"input\": {\"turns\": [");
      line.append(turn("Start with " + total + ".", total));
      for (int t = 2; t <= turns; t++) {
        String say;
        int kind = random.nextInt(5);
        if (kind == 0 && Math.abs(total) < 200) {
          long n = 2 + random.nextInt(2);
          say = "Multiply by " + n + ".";
          total *= n;
        } else if (kind <= 2) {
          long n = 1 + random.nextInt(40);
          say = "Add " + n + ".";
          total += n;
        } else {
          long n = 1 + random.nextInt(40);
          say = "Subtract " + n + ".";
          total -= n;
        }
        line.append(", ").append(turn(say, total));
      }
      line.append("]}, \"metadata\": {\"turns\": ").append(turns).append("}}");
      out.println(line);
    }
    out.flush();
  }

  private static String turn(String user, long total) {
    return "{\"user\": \"" + user + "\", \"expected\": \"" + total + "\", \"assistant\": \"The number is now " + total + ".\"}";
  }
}
