package dev.provbench.sim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * Every random number one request needs, drawn at once in a fixed order from a stream seeded by
 * (profile seed, provider, model, messages hash, attempt): the same request gets the same draws whatever
 * else the server is doing. Immutable.
 *
 * @param streamSeed   the stream's seed; also names the completion ({@code chatcmpl-...}).
 * @param fault        uniform in [0, 1), for {@link Fault#pick}.
 * @param ttftMs       the first-token delay, before {@code time_scale}.
 * @param tokensPerS   the output speed.
 * @param judgeError   uniform, below {@code judge_error_rate} the judge (or the retrieval answer) errs.
 * @param wrongLetter  uniform, picks the wrong letter (or the retrieval answer's distractor).
 * @param flavour      uniform, picks how a malformed reply or a 5xx looks.
 * @param reasoningMs  how long the model reasons before answering, before {@code time_scale}; 0 without
 *                     {@code reasoning_ms}. Drawn last, so profiles without it keep their earlier draws.
 */
record RequestDraws(long streamSeed, double fault, double ttftMs, double tokensPerS, double judgeError,
    double wrongLetter, double flavour, double reasoningMs) {

  static RequestDraws of(long seed, String provider, SimModel model, long messagesHash, int attempt) {
    long streamSeed = streamSeed(seed, provider, model.id(), messagesHash, attempt);
    SplittableRandom random = new SplittableRandom(streamSeed);
    return new RequestDraws(streamSeed, random.nextDouble(), model.ttftMs().sample(random),
        model.tokensPerS().sample(random), random.nextDouble(), random.nextDouble(), random.nextDouble(),
        model.reasons() ? model.reasoningMs().sample(random) : 0);
  }

  static long streamSeed(long seed, String provider, String model, long messagesHash, int attempt) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(8).putLong(seed).array());
      sha.update((provider + '\0' + model + '\0').getBytes(StandardCharsets.UTF_8));
      sha.update(ByteBuffer.allocate(12).putLong(messagesHash).putInt(attempt).array());
      return ByteBuffer.wrap(sha.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
