package dev.provbench.run;

import dev.provbench.dataset.EvalCase;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.results.CellResult;
import dev.provbench.task.Conversation;
import dev.provbench.task.ConversationHistory;
import dev.provbench.task.ConversationReply;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one trial of a conversation: its turns in order, each sent with the conversation so far (the model's own
 * earlier replies, or the recorded ones, as the task says), each judged against its own turn's {@code expected}.
 * Once a turn gets no answer under {@code own} history, the later turns are rows with status {@code not_sent}:
 * there is no reply to carry on from. One per partition share; thread-safe (each call keeps its own replies).
 */
final class ConversationRunner {
  private final RunSpec spec;
  private final ProviderSpec provider;
  private final ModelSpec model;
  private final CellRunner cells;

  ConversationRunner(RunSpec spec, PartitionSpec part, CellRunner cells) {
    this.spec = spec;
    this.provider = spec.providers().get(part.provider());
    this.model = provider.models().get(part.model());
    this.cells = cells;
  }

  /**
   * The rows of the given turns of one conversation's trial, in turn order.
   *
   * @param turns    the trial's turns still to run, in order (all of them, unless an earlier execution committed some).
   * @param finished told of each row as its turn ends, before the next turn is sent.
   */
  List<CellResult> run(List<Cell> turns, EvalCase c, Consumer<CellResult> finished) {
    Conversation conversation = Conversation.parse(c.input(), c.where());
    boolean own = spec.chat().history() == ConversationHistory.OWN;
    List<ConversationReply> replies = own ? new ArrayList<>() : conversation.recordedReplies();
    // One nonce per conversation's trial: the cache may serve the conversation's own earlier turns, never a trial's.
    String nonceCell = turns.get(0).cellId();
    List<CellResult> out = new ArrayList<>();
    String broken = null;
    for (Cell cell : turns) {
      EvalCase turnCase = turnCase(c, conversation.turns().get(cell.turn() - 1), cell.turn());
      if (own && broken == null && replies.size() < cell.turn() - 1) {
        broken = "turn " + (replies.size() + 1) + " of this conversation was committed by an earlier execution, whose reply"
            + " is not at hand";
      }
      String mismatch = broken != null || cell.turn() == 1 ? null : conversation.mismatch(cell.turn(), replies.get(cell.turn() - 2));
      if (mismatch != null && own) broken = mismatch + ", so the conversation stopped there";
      CellResult r = broken != null || mismatch != null ? cells.notSent(cell, turnCase, broken != null ? broken : mismatch)
          : cells.run(cell, turnCase, () -> CellRequest.turn(spec, provider, model, nonceCell, c, conversation, cell.turn(),
              replies));
      if (own && broken == null) {
        if (r.outcome().status().answered()) replies.add(new ConversationReply(r.answer().response(), r.answer().toolCalls()));
        else broken = "turn " + cell.turn() + " got no answer (" + r.outcome().status().value() + "), so the conversation"
            + " stopped there";
      }
      finished.accept(r);
      out.add(r);
    }
    return out;
  }

  /** The case as one turn sees it: the turn's object as its input, the turn's {@code expected} as its expected value. */
  static EvalCase turnCase(EvalCase c, Conversation.Turn turn, int index) {
    return c.part(turn.json(), turn.expectedJson(), c.where() + ": turn " + index);
  }
}
