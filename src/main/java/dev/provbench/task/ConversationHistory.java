package dev.provbench.task;

import java.util.Locale;

/** Which earlier replies a conversation's later turns carry: the model's own, or the ones the case recorded. */
public enum ConversationHistory {
  /** Each turn resends the model's own earlier replies, as a chat application does: an early mistake carries on. */
  OWN,
  /** Each turn resends the case's recorded {@code assistant} replies: every turn is asked in the same context. */
  RECORDED;

  /** The value in the job file: {@code own} or {@code recorded}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
