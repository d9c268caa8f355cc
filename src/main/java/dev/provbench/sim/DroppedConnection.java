package dev.provbench.sim;

import java.io.IOException;
import java.util.Locale;

/**
 * Thrown out of a handler on purpose: the JDK server then closes the connection without finishing the
 * response, which is how a truncated or hung reply looks to the client.
 */
final class DroppedConnection extends IOException {
  private final Outcome outcome;

  DroppedConnection(Outcome outcome) {
    super(outcome.name().toLowerCase(Locale.ROOT));
    this.outcome = outcome;
  }

  Outcome outcome() {
    return outcome;
  }
}
