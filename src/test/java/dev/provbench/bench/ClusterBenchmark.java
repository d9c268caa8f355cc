package dev.provbench.bench;

import dev.provbench.cluster.LocalStandaloneCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run on a small standalone cluster against the same run in Spark local mode, side by side: the demo (10 models,
 * 1,800 cells, simulated providers in the driver JVM) and a 20,400-cell version of it (34 trials, delays at a
 * fiftieth of real speed), each as a whole {@code provbench demo} command, on a master and one worker with
 * {@code cores} cores on 127.0.0.1 and with the packaged cluster jar in local mode. Prints, per job and mode, the
 * cells time (the progress line's elapsed at 100 %), the whole command's time, the cluster's ratios to local mode,
 * and the lower bound of the cells time (the slowest model's Σ call duration ÷ its concurrency, from the Parquet).
 * Usage: bench/cluster.sh [cores=2]; needs {@code mvn -o package -DskipTests} first (the script does it).
 */
public final class ClusterBenchmark {
  private static final Pattern DONE = Pattern.compile("progress: (\\d+)/\\1 cells \\(100%\\).*?, ([0-9.]+)s elapsed");
  private static final int CONCURRENCY = 3;

  /** One command's figures. */
  private record Timing(long cells, double cellsSeconds, double wholeSeconds, double lowerBound) {}

  public static void main(String[] args) throws Exception {
    int cores = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    Path home = Path.of("").toAbsolutePath();
    Path dir = Files.createTempDirectory("provbench-cluster-bench");
    String opens = Files.readString(home.resolve("pom.xml")).replaceAll("(?s).*<add.opens>(.*?)</add.opens>.*", "$1");
    System.setProperty("provbench.clusterJar", clusterJar(home).toString());
    Path profile = home.resolve("data/sim/demo-profile.yaml");
    Path demoJob = home.resolve("jobs/demo.yaml");
    Path bigJob = bigJob(home, dir, 34);
    try (LocalStandaloneCluster cluster = new LocalStandaloneCluster(dir, opens, home.resolve("target/spark-classpath.txt"))
        .start(cores)) {
      List<String> lines = new ArrayList<>();
      lines.add(row("job", "mode", "cells", "cells time", "whole command", "lower bound"));
      for (Object[] job : new Object[][] {{"demo", demoJob, "0.1"}, {"20k", bigJob, "0.02"}}) {
        Timing local = run(cluster, dir, (String) job[0] + "-local", (Path) job[1], profile, (String) job[2], false);
        Timing onCluster = run(cluster, dir, (String) job[0] + "-cluster", (Path) job[1], profile, (String) job[2], true);
        lines.add(row(job[0], "local", local.cells(), secs(local.cellsSeconds()), secs(local.wholeSeconds()),
            secs(local.lowerBound())));
        lines.add(row(job[0], "cluster " + cores + " cores", onCluster.cells(), secs(onCluster.cellsSeconds()),
            secs(onCluster.wholeSeconds()), secs(onCluster.lowerBound())));
        lines.add(row(job[0], "cluster ÷ local", "", ratio(onCluster.cellsSeconds(), local.cellsSeconds()),
            ratio(onCluster.wholeSeconds(), local.wholeSeconds()), ""));
      }
      System.out.println();
      lines.forEach(System.out::println);
    }
  }

  private static Timing run(LocalStandaloneCluster cluster, Path dir, String name, Path job, Path profile,
      String timeScale, boolean onCluster) throws Exception {
    Path out = dir.resolve(name);
    List<String> cli = List.of("demo", "--job", job.toString(), "--profile", profile.toString(), "--time-scale", timeScale,
        "--out", out.toString(), "--run-id", name);
    long start = System.nanoTime();
    Process p = onCluster
        ? cluster.submit(name, Map.of(), Map.of("spark.executor.memory", "2g"), cli)
        : cluster.local(name, cli);
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(name + " failed:\n" + cluster.logText(name));
    }
    double whole = (System.nanoTime() - start) / 1e9;
    Matcher m = DONE.matcher(cluster.logText(name));
    double cellsSeconds = -1;
    long cells = 0;
    while (m.find()) {
      cells = Long.parseLong(m.group(1));
      cellsSeconds = Double.parseDouble(m.group(2));
    }
    System.out.printf(Locale.ROOT, "%s: %d cells in %.1f s, whole command %.1f s%n", name, cells, cellsSeconds, whole);
    return new Timing(cells, cellsSeconds, whole, lowerBound(out, name));
  }

  /** The slowest model's Σ duration_ms ÷ its concurrency: no schedule of its calls can finish sooner. */
  private static double lowerBound(Path out, String runId) throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
         ResultSet r = duck.createStatement().executeQuery("SELECT max(total) FROM (SELECT sum(duration_ms) AS total"
             + " FROM read_parquet('" + out.resolve("run_id=" + runId) + "/*.parquet') GROUP BY provider, model)")) {
      r.next();
      return r.getDouble(1) / 1000.0 / CONCURRENCY;
    }
  }

  /** The demo job with more trials, its paths made absolute. */
  private static Path bigJob(Path home, Path dir, int trials) throws Exception {
    String text = Files.readString(home.resolve("jobs/demo.yaml"))
        .replace("trials: 3", "trials: " + trials)
        .replace("../data/", home.resolve("data") + "/")
        .replace("output: ../results", "output: " + dir.resolve("unused"));
    Path job = dir.resolve("demo-" + trials + "-trials.yaml");
    Files.writeString(job, text);
    return job;
  }

  private static Path clusterJar(Path home) throws Exception {
    try (var files = Files.list(home.resolve("target"))) {
      return files.filter(f -> f.getFileName().toString().matches("provbench-.*-cluster\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no cluster jar in target/: run mvn -o package -DskipTests"));
    }
  }

  private static String secs(double s) {
    return String.format(Locale.ROOT, "%.1f s", s);
  }

  private static String ratio(double a, double b) {
    return String.format(Locale.ROOT, "%.2f×", a / b);
  }

  private static String row(Object... cells) {
    StringBuilder b = new StringBuilder("|");
    for (Object c : cells) b.append(' ').append(c).append(" |");
    return b.toString();
  }
}
