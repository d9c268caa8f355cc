package dev.provbench.sim;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A set of simulated providers and how they behave: the contents of a profile file. Immutable;
 * read once with {@link #load(Path)} and shared.
 *
 * @param timeScale   multiplies every delay: first-token delay, reasoning, token pacing, hangs and the
 *                    advised retry wait ({@code Retry-After} rounds it up to whole seconds,
 *                    {@code retry-after-ms} carries it exactly). 0.1 runs ten times faster; 0 removes every
 *                    delay. Default 1.
 * @param seed        the root of every random draw; the same seed, profile and requests give the same
 *                    replies, whatever order requests arrive in. Default 42.
 * @param idleCloseMs closes a client's keep-alive connection once it has been idle this long (wall-clock ms,
 *                    not scaled by {@code timeScale}), without a {@code Connection: close} header, as uvicorn
 *                    does after 5 s; 0 never closes. Default 0.
 * @param providers   the providers served; at least one, names and paths unique.
 * @param cacheBlockTokens the block size of every {@code prefix_cache} model's cache, in tokens as {@link TokenCount}
 *                    counts them (four characters each), as vLLM's automatic prefix caching blocks a prompt: only
 *                    whole leading blocks seen before count as cached. Default {@value #DEFAULT_CACHE_BLOCK_TOKENS}.
 */
public record SimProfile(double timeScale, long seed, long idleCloseMs, List<SimProvider> providers,
    int cacheBlockTokens) {
  public static final int DEFAULT_CACHE_BLOCK_TOKENS = 16;

  public SimProfile {
    providers = List.copyOf(providers);
  }

  /** A profile with the default cache block size. */
  public SimProfile(double timeScale, long seed, long idleCloseMs, List<SimProvider> providers) {
    this(timeScale, seed, idleCloseMs, providers, DEFAULT_CACHE_BLOCK_TOKENS);
  }

  /** Reads and validates a YAML profile; a {@code BadInputException} names the file, the field and the fix. */
  public static SimProfile load(Path file) {
    return ProfileReader.read(file);
  }

  /** Parses YAML text; {@code source} names it in errors. */
  public static SimProfile parse(String yaml, String source) {
    return ProfileReader.parse(yaml, source);
  }

  public Optional<SimProvider> provider(String name) {
    return providers.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public SimProfile withSeed(long newSeed) {
    return new SimProfile(timeScale, newSeed, idleCloseMs, providers, cacheBlockTokens);
  }

  public SimProfile withTimeScale(double newScale) {
    return new SimProfile(newScale, seed, idleCloseMs, providers, cacheBlockTokens);
  }

  /**
   * This profile as its providers serve at the UTC hour {@code hour}, whatever the clock says: every model's
   * {@link Drift} window moved so that the current hour plays {@code hour}. For a demo or test of drift that
   * cannot wait for the afternoon; the hour is fixed when this is called.
   */
  public SimProfile playingHour(int hour) {
    int now = Instant.now().atZone(ZoneOffset.UTC).getHour();
    List<SimProvider> shifted = providers.stream().map(p -> new SimProvider(p.name(), p.path(),
        p.models().stream().map(m -> m.withDrift(m.drift().shifted(now - hour))).toList())).toList();
    return new SimProfile(timeScale, seed, idleCloseMs, shifted, cacheBlockTokens);
  }

  public SimProfile withIdleCloseMs(long newIdleCloseMs) {
    return new SimProfile(timeScale, seed, newIdleCloseMs, providers, cacheBlockTokens);
  }
}
