package dev.provbench.sim;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multi-turn arithmetic conversation, read from the request's messages alone: the first user message says
 * {@code Start with N.}, each later one an operation ({@code Add N.}, {@code Subtract N.}, {@code Multiply by N.}), and
 * the model answers {@code The number is now N.}. The model carries on from its own last reply as the conversation
 * shows it (a mistake it made earlier carries on), or from the start when it has not replied yet; with probability
 * {@code errorRate} it errs by 1 to 9. It never sees an expected answer. Immutable.
 *
 * @param base      the number the last operation applies to: the last assistant reply's, else the start.
 * @param operation the last user message's operation.
 */
record RunningTotal(long base, Operation operation) {
  private static final Pattern START = Pattern.compile("^\\s*Start with (-?\\d+)\\.", Pattern.CASE_INSENSITIVE);
  private static final Pattern STEP = Pattern.compile("^\\s*(Add|Subtract|Multiply by) (-?\\d+)\\.", Pattern.CASE_INSENSITIVE);
  private static final Pattern REPLY = Pattern.compile("The number is now (-?\\d+)", Pattern.CASE_INSENSITIVE);

  /** One step: what it does and with which number; {@code start} sets the number. */
  record Operation(String verb, long operand) {
    long apply(long x) {
      return switch (verb.toLowerCase(Locale.ROOT)) {
        case "add" -> x + operand;
        case "subtract" -> x - operand;
        case "multiply by" -> x * operand;
        default -> operand;
      };
    }
  }

  /** The conversation's arithmetic, or empty when its first user message does not start one. */
  static Optional<RunningTotal> parse(ChatRequest request) {
    List<ChatRequest.Message> messages = request.messages();
    ChatRequest.Message firstUser = messages.stream().filter(m -> m.role().equals("user")).findFirst().orElse(null);
    if (firstUser == null) return Optional.empty();
    Matcher start = START.matcher(firstUser.content());
    if (!start.find()) return Optional.empty();
    Operation op = operation(request.lastUserContent());
    if (op == null) return Optional.empty();
    long base = Long.parseLong(start.group(1));
    for (ChatRequest.Message m : messages) {
      if (!m.role().equals("assistant")) continue;
      Matcher reply = REPLY.matcher(m.content());
      if (reply.find()) base = Long.parseLong(reply.group(1));
    }
    return Optional.of(new RunningTotal(base, op));
  }

  /**
   * The reply: {@code The number is now N.}
   *
   * @param errorDraw uniform in [0, 1): below {@code errorRate} the number is off.
   * @param pickDraw  uniform in [0, 1): by how much (1 to 9) and which way.
   */
  String answer(double errorRate, double errorDraw, double pickDraw) {
    long right = operation.apply(base);
    if (errorDraw >= errorRate) return "The number is now " + right + ".";
    long k = (long) (pickDraw * 18); // 0..17: 1..9 up or down
    return "The number is now " + (right + (1 + k / 2) * (k % 2 == 0 ? 1 : -1)) + ".";
  }

  private static Operation operation(String text) {
    Matcher start = START.matcher(text);
    if (start.find()) return new Operation("start", Long.parseLong(start.group(1)));
    Matcher step = STEP.matcher(text);
    return step.find() ? new Operation(step.group(1), Long.parseLong(step.group(2))) : null;
  }
}
