package dev.provbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.provbench.dataset.EvalCase;
import dev.provbench.provider.ToolCall;
import dev.provbench.results.CellScore;
import dev.provbench.results.CellStatus;
import dev.provbench.results.JudgeCall;
import dev.provbench.score.Answer;
import dev.provbench.score.NamedScore;
import dev.provbench.score.NumericDiff;
import dev.provbench.score.Scorer;
import dev.provbench.score.ScorerCatalog;
import dev.provbench.score.ScorerSpec;
import dev.provbench.score.Scores;
import dev.provbench.task.ChatTask;
import dev.provbench.task.Extracted;
import dev.provbench.task.Extractor;
import dev.provbench.task.FactualityTask;
import dev.provbench.task.JudgeTemplate;
import dev.provbench.task.ParsedChoice;
import dev.provbench.task.ThinkSplit;
import dev.provbench.task.ToolCallParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A cell's verdict: its status, what the task read from the reply, and its scores. The one place where a
 * reply becomes a verdict, for a fresh call ({@link CellRunner}) and for a stored one ({@link Rescorer}),
 * so the two can never disagree. Pure (no HTTP, no Spark) but for the LLM judges it is handed ({@link CellJudges}),
 * which it asks only about an answer with an output.
 *
 * @param status    ok or parse_error when answered, else the failure's status.
 * @param error     why there is no output (the failure, or the parse error), or null.
 * @param parsed    what the factuality judge read, or null when the cell was not answered or the task is a chat task.
 * @param scores    the scores; a cell without output scores 0 on every scorer.
 * @param extracted the output text the scorers judged (the judge's choice, a chat task's extracted text), or null.
 * @param thinking  reasoning the reply wrote into its content ({@code <think>…</think>}), removed before reading;
 *                  null when none.
 * @param judgeCalls one call per LLM-judge scorer, in job order (skipped, scoring 0, when there is no output to judge);
 *                  null when the task has none. A failed judge call scores null and never changes the cell's status.
 */
public record Verdict(CellStatus status, String error, ParsedChoice parsed, Scores scores, String extracted,
    String thinking, List<JudgeCall> judgeCalls) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The numeric output: the judge's score, or a chat task's extracted text when it is a number; else null. */
  public Double output() {
    if (parsed != null) return parsed.score();
    return NumericDiff.number(extracted);
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
    if (!ended.answered()) return new Verdict(ended, callError, null, Scores.of(scorers, null, expected), null, null, null);
    ThinkSplit split = ThinkSplit.of(response);
    ParsedChoice parsed = FactualityTask.answer(template, answerText(split.answer(), toolCalls));
    CellStatus status = parsed.score() == null ? CellStatus.PARSE_ERROR : CellStatus.OK;
    return new Verdict(status, parsed.error(), parsed, Scores.of(scorers, parsed.score(), expected), parsed.choice(),
        split.thinking(), null);
  }

  /** The verdict of a run's task on one case: the chat task's when the run has one, else the factuality judge's. */
  public static Verdict of(RunSpec spec, EvalCase c, CellStatus ended, String callError, String response, String toolCalls) {
    return of(spec, c, ended, callError, response, toolCalls, CellJudges.NOT_JUDGED);
  }

  /** As {@link #of(RunSpec, EvalCase, CellStatus, String, String, String)}, a chat task's judges asked by {@code judges}. */
  static Verdict of(RunSpec spec, EvalCase c, CellStatus ended, String callError, String response, String toolCalls,
      CellJudges judges) {
    return spec.chat() != null ? ofChat(spec.chat(), c.input(), c.expectedJson(), ended, callError, response, toolCalls, judges)
        : of(spec.template(), spec.scorers(), c.expected(), ended, callError, response, toolCalls);
  }

  /** The scores as the {@code scores} column stores them. */
  public List<CellScore> cellScores() {
    return scores.all().stream().map(s -> new CellScore(s.scorer(), s.score(), s.note())).toList();
  }

  /** The stored response: the content without the reasoning written into it (kept in {@link #reasoning}). */
  public String storedResponse(String content) {
    return thinking == null ? content : ThinkSplit.of(content).answer();
  }

  /** The reasoning column: the reply's own reasoning field, then any written into its content. */
  public String reasoning(String replyReasoning) {
    if (thinking == null) return replyReasoning;
    return replyReasoning == null || replyReasoning.isEmpty() ? thinking : replyReasoning + "\n" + thinking;
  }

  /**
   * A chat task's verdict: the extractor reads the reply (its reasoning removed), every scorer judges the result.
   *
   * @param input        the case's input as JSON text.
   * @param expectedJson the case's expected value as JSON text, or null.
   */
  public static Verdict ofChat(ChatTask task, String input, String expectedJson, CellStatus ended, String callError,
      String response, String toolCalls) {
    return ofChat(task, input, expectedJson, ended, callError, response, toolCalls, CellJudges.NOT_JUDGED);
  }

  /** As {@link #ofChat(ChatTask, String, String, CellStatus, String, String, String)}, its judges asked by {@code judges}. */
  static Verdict ofChat(ChatTask task, String input, String expectedJson, CellStatus ended, String callError,
      String response, String toolCalls, CellJudges judges) {
    JsonNode fields = json(input);
    JsonNode expected = expectedJson == null ? null : json(expectedJson);
    List<JudgeCall> calls = new ArrayList<>();
    Scores.ModelScores judged = (spec, answer) -> {
      Judged j = answer.output() == null ? noOutput(spec) : judges.judge(spec, answer);
      calls.add(j.call());
      return j.score();
    };
    boolean anyJudge = task.scorers().stream().anyMatch(ScorerCatalog::callsModel);
    if (!ended.answered()) {
      Scores scores = Scores.of(task.scorers(), new Answer(null, expected, fields), judged);
      return new Verdict(ended, callError, null, scores, null, null, anyJudge ? calls : null);
    }
    ThinkSplit split = ThinkSplit.of(response);
    Extracted got = Extractor.extract(task.extractor(), split.answer(), toolCalls);
    CellStatus status = got.text() == null ? CellStatus.PARSE_ERROR : CellStatus.OK;
    Scores scores = Scores.of(task.scorers(), new Answer(got.text(), expected, fields), judged);
    return new Verdict(status, got.error(), null, scores, got.text(), split.thinking(), anyJudge ? calls : null);
  }

  /** Nothing to judge: 0, as every scorer gives a missing output, and no call. */
  private static Judged noOutput(ScorerSpec spec) {
    return new Judged(new NamedScore(spec.name(), Scorer.NO_OUTPUT.value(), Scorer.NO_OUTPUT.note()),
        JudgeCall.skipped(spec.name(), ScorerCatalog.cachedJudge(spec).model(), "no output to judge"));
  }

  private static JsonNode json(String text) {
    try {
      return text == null ? JSON.nullNode() : JSON.readTree(text);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(text);
    }
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
      return ToolCallParser.text(first.path("name").asText(""), first.path("arguments").asText(""));
    } catch (IOException e) {
      return response;
    }
  }
}
