package dev.provbench.run;

import com.samskivert.mustache.MustacheException;
import dev.provbench.dataset.EvalCase;
import dev.provbench.input.BadInputException;
import dev.provbench.input.PromptTemplates;
import dev.provbench.job.Job;
import dev.provbench.score.ScorerCatalog;
import dev.provbench.score.ScorerSpec;
import dev.provbench.task.ChatTask;
import dev.provbench.task.Conversation;
import dev.provbench.task.ConversationHistory;
import dev.provbench.task.Extracted;
import dev.provbench.task.Extractor;
import java.util.List;

/**
 * Checks a chat task against its dataset before any request: every case renders every message, every scorer finds
 * the case fields it needs, and the extractor finds a value in the task's example reply (when it gives one).
 * Errors name the job file, the field and the case. Stateless.
 */
final class ChatTaskCheck {
  private ChatTaskCheck() {}

  static void check(Job job, ChatTask task, List<EvalCase> cases) {
    String file = job.file().toString();
    for (int i = 0; i < cases.size(); i++) {
      EvalCase c = cases.get(i);
      try {
        task.render(c.input());
      } catch (MustacheException e) {
        throw new BadInputException(file + ": task.messages", "case " + (i + 1) + " (id " + c.id() + ", " + c.where()
            + ") cannot fill the template: " + e.getMessage(), "add the field to every case's input, or change the message");
      }
      if (task.isConversation()) {
        checkTurns(file, task, c, i);
        continue;
      }
      for (int s = 0; s < task.scorers().size(); s++) {
        ScorerSpec spec = task.scorers().get(s);
        if (c.expectedJson() == null && ScorerCatalog.needsExpected(spec)) {
          throw new BadInputException(file + ": scorers[" + s + "]", spec.type() + " compares with each case's `expected`, but case "
              + (i + 1) + " (id " + c.id() + ", " + c.where() + ") has none",
              "give every case an `expected` value, or use a scorer that needs none (NonNull, ValidJSON)");
        }
      }
    }
    String example = task.extractor().example();
    if (example != null) {
      EvalCase first = task.isConversation() ? ConversationRunner.turnCase(cases.get(0),
          Conversation.parse(cases.get(0).input(), cases.get(0).where()).turns().get(0), 1) : cases.get(0);
      Extracted got = Extractor.extract(task.extractor(),
          PromptTemplates.compiled(example).execute(ChatTask.exampleContext(first.input(), first.expectedJson())), null);
      if (got.text() == null) {
        throw new BadInputException(file + ": task.extract", "finds nothing in `example` rendered for the first case ("
            + got.error() + ")", "correct the extractor's path or pattern, or the example reply");
      }
    }
  }

  /** A conversation's case: its turns read, every turn has what the scorers and the history need. */
  private static void checkTurns(String file, ChatTask task, EvalCase c, int i) {
    Conversation conversation = Conversation.parse(c.input(), "case " + (i + 1) + " (id " + c.id() + ", " + c.where() + ")");
    List<Conversation.Turn> turns = conversation.turns();
    for (int t = 0; t < turns.size(); t++) {
      String turn = "case " + (i + 1) + " (id " + c.id() + ", " + c.where() + "): turns[" + t + "]";
      if (task.history() == ConversationHistory.RECORDED && t < turns.size() - 1 && turns.get(t).recorded() == null) {
        throw new BadInputException(file + ": task.history", "is `recorded`, but " + turn + " has no `assistant` reply",
            "give every turn but the last its recorded \"assistant\" reply, or use `history: own`");
      }
      String mismatch = task.history() == ConversationHistory.RECORDED && t > 0
          ? conversation.mismatch(t + 1, turns.get(t - 1).recorded()) : null;
      if (mismatch != null) {
        throw new BadInputException(file + ": task.history", "is `recorded`, but " + turn + " answers the reply recorded in"
            + " turns[" + (t - 1) + "]: " + mismatch, "record that reply's calls in turns[" + (t - 1) + "] as"
            + " \"assistant_tool_calls\": [{\"name\": ..., \"arguments\": ...}], one per result");
      }
      for (int s = 0; s < task.scorers().size(); s++) {
        ScorerSpec spec = task.scorers().get(s);
        if (turns.get(t).expectedJson() == null && ScorerCatalog.needsExpected(spec)) {
          throw new BadInputException(file + ": scorers[" + s + "]", spec.type() + " compares with each turn's `expected`, but "
              + turn + " has none", "give every turn an \"expected\" value, or use a scorer that needs none (NonNull, ValidJSON)");
        }
      }
    }
  }
}
