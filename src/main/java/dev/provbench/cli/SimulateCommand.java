package dev.provbench.cli;

import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code provbench simulate}: the local simulated providers, until interrupted. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Start the local simulated OpenAI-compatible providers on 127.0.0.1 until Ctrl-C.")
final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--profile", paramLabel = "FILE", description = "simulator profile (default: data/sim/demo-profile.yaml)")
  Path profile;

  @Option(names = "--port", defaultValue = "8765", description = "port on 127.0.0.1; 0 for a free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--time-scale", description = "multiplies every delay of the profile (0.1 = 10x faster)")
  Double timeScale;

  @Option(names = "--sim-seed", paramLabel = "SEED", description = "the simulator's seed instead of the profile's")
  Long simSeed;

  /** {@code --seed}, the former spelling of {@code --sim-seed} ({@code --seed} is the bootstrap's elsewhere). */
  @Option(names = "--seed", hidden = true, paramLabel = "SEED")
  void formerSeed(long seed) {
    simSeed = seed;
  }

  @Override
  public Integer call() throws InterruptedException {
    SimProfile p = SimProfile.load(profile != null ? profile : ProjectHome.resolve("data/sim/demo-profile.yaml"));
    if (timeScale != null) p = p.withTimeScale(timeScale);
    if (simSeed != null) p = p.withSeed(simSeed);
    SimulatedProviders sim = SimulatedProviders.start(p, port);
    Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
    System.out.printf("simulated providers (not real ones) on 127.0.0.1:%d, time scale %s, seed %d%n", sim.port(),
        p.timeScale(), p.seed());
    sim.baseUrls().forEach((name, url) -> System.out.printf("  %-18s %s%n", name, url));
    System.out.printf("  stats: http://127.0.0.1:%d/stats   (Ctrl-C to stop)%n", sim.port());
    new CountDownLatch(1).await();
    return 0;
  }
}
