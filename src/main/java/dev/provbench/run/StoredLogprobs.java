package dev.provbench.run;

import dev.provbench.provider.Reply;
import dev.provbench.provider.TokenLogprob;
import dev.provbench.results.PositionLogprobs;
import java.util.List;

/** A reply's log-probabilities as a row stores them: the first {@link PositionLogprobs#STORED_POSITIONS}. Stateless. */
final class StoredLogprobs {
  private StoredLogprobs() {}

  /** The reply's first positions; null when there is no reply or it returned no log-probabilities. */
  static List<PositionLogprobs> of(Reply reply) {
    if (reply == null || reply.logprobs() == null) return null;
    return reply.logprobs().stream().limit(PositionLogprobs.STORED_POSITIONS).map(StoredLogprobs::position).toList();
  }

  private static PositionLogprobs position(TokenLogprob t) {
    return new PositionLogprobs(t.token(), t.logprob(),
        t.top().stream().map(a -> new PositionLogprobs.Alternative(a.token(), a.logprob())).toList());
  }
}
