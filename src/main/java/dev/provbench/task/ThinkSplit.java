package dev.provbench.task;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separates reasoning written into the content ({@code <think>…</think>}, as some open models do) from the answer.
 * A reply that closes {@code </think>} without opening it (the template opened it) counts everything before as
 * reasoning. Pure.
 *
 * @param answer   the content without its reasoning, trimmed; the content itself when there was none.
 * @param thinking the reasoning text, or null when the content held none.
 */
public record ThinkSplit(String answer, String thinking) {
  private static final Pattern THINK = Pattern.compile("<think>(.*?)(?:</think>|$)", Pattern.DOTALL);
  private static final String CLOSE = "</think>";

  public static ThinkSplit of(String content) {
    if (content == null) return new ThinkSplit(null, null);
    Matcher m = THINK.matcher(content);
    if (m.find()) {
      StringBuilder thinking = new StringBuilder();
      StringBuilder answer = new StringBuilder();
      int last = 0;
      do {
        answer.append(content, last, m.start());
        if (!thinking.isEmpty()) thinking.append('\n');
        thinking.append(m.group(1).strip());
        last = m.end();
      } while (m.find());
      answer.append(content.substring(last));
      return new ThinkSplit(answer.toString().strip(), thinking.toString());
    }
    int close = content.indexOf(CLOSE);
    if (close >= 0) return new ThinkSplit(content.substring(close + CLOSE.length()).strip(), content.substring(0, close).strip());
    return new ThinkSplit(content, null);
  }
}
