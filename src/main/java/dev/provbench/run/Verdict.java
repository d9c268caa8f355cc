package dev.provbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.provbench.provider.ToolCall;
import dev.provbench.results.CellStatus;
import dev.provbench.score.Scores;
import dev.provbench.task.FactualityTask;
import dev.provbench.task.JudgeTemplate;
import dev.provbench.task.ParsedChoice;
import java.io.IOException;
import java.util.List;

/**
 * A cell's verdict: its status, what the task read from the reply, and its scores. The one place where a
 * reply becomes a verdict, for a fresh call ({@link CellRunner}) and for a stored one ({@link Rescorer}),
 * so the two can never disagree. Pure: no HTTP, no Spark.
 *
 * @param status  ok or parse_error when answered, else the failure's status.
 * @param error   why there is no output (the failure, or the parse error), or null.
 * @param parsed  what the task read, or null when the cell was not answered.
 * @param scores  the scores; a cell without output scores 0 on CorrectScore and NonNull.
 */
public record Verdict(CellStatus status, String error, ParsedChoice parsed, Scores scores) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Double output() {
    return parsed == null ? null : parsed.score();
  }

  /**
   * @param ended      how the call ended: {@link CellStatus#OK} or {@link CellStatus#PARSE_ERROR} when the provider
   *                   answered (it is re-decided here), else the failure.
   * @param callError  the failure's message; ignored when answered.
   * @param response   the reply's content text.
   * @param toolCalls  the reply's native tool calls as stored ({@code [{"name", "arguments"}]}), or null.
   */
  public static Verdict of(JudgeTemplate template, List<String> scorers, double expected, CellStatus ended, String callError,
      String response, String toolCalls) {
    if (!ended.answered()) return new Verdict(ended, callError, null, Scores.of(scorers, null, expected));
    ParsedChoice parsed = FactualityTask.answer(template, answerText(response, toolCalls));
    CellStatus status = parsed.score() == null ? CellStatus.PARSE_ERROR : CellStatus.OK;
    return new Verdict(status, parsed.error(), parsed, Scores.of(scorers, parsed.score(), expected));
  }

  /** Native tool calls as a row stores them, {@code [{"name", "arguments"}]}, or null when there are none. */
  public static String toolCallsJson(List<ToolCall> calls) {
    if (calls.isEmpty()) return null;
    ArrayNode array = JSON.createArrayNode();
    for (ToolCall t : calls) array.addObject().put("name", t.name()).put("arguments", t.arguments());
    return array.toString();
  }

  /**
   * The text the task reads: the content, or, when the content holds no text tool call and the model answered
   * with native tool calls, the first of them in the text format {@code <function=NAME>ARGS</function>}.
   */
  static String answerText(String response, String toolCalls) {
    if (toolCalls == null || (response != null && response.contains("<function="))) return response;
    try {
      JsonNode calls = JSON.readTree(toolCalls);
      if (!calls.isArray() || calls.isEmpty()) return response;
      JsonNode first = calls.get(0);
      return "<function=" + first.path("name").asText("") + ">" + first.path("arguments").asText("") + "</function>";
    } catch (IOException e) {
      return response;
    }
  }
}
