package dev.provbench.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Spark cluster on 127.0.0.1 made of the jars Maven resolved (a Spark home of {@code jars/} and an
 * empty {@code RELEASE} file): one master and one worker with the given cores, each a child JVM whose output goes
 * to {@code <name>.log} in the folder. Submits the packaged cluster jar with {@code SparkSubmit} as a user would,
 * or runs it in local mode with the same jars. Closing kills every JVM it started. One per test or benchmark.
 */
public final class LocalStandaloneCluster implements AutoCloseable {
  private final Path dir;
  private final Path home;
  private final List<String> addOpens;
  private final List<Process> processes = new ArrayList<>();
  private String master;
  private Process worker;

  /**
   * @param dir            holds the Spark home, the worker's folder and the logs.
   * @param addOpens       the JVM flags Spark needs on Java 17, space separated.
   * @param sparkClasspath a file listing Spark's jars, colon separated (Maven's {@code build-classpath}).
   */
  public LocalStandaloneCluster(Path dir, String addOpens, Path sparkClasspath) throws IOException {
    this.dir = dir;
    this.addOpens = List.of(addOpens.trim().split("\\s+"));
    this.home = dir.resolve("spark-home");
    Files.createDirectories(home.resolve("jars"));
    Files.writeString(home.resolve("RELEASE"), "");
    for (String jar : Files.readString(sparkClasspath).trim().split(":")) {
      Path source = Path.of(jar);
      Path link = home.resolve("jars").resolve(source.getFileName());
      if (!Files.exists(link)) Files.createSymbolicLink(link, source);
    }
  }

  /** The settings the test JVM gets from the build: the add-opens list, the cluster jar, Spark's class path. */
  public static LocalStandaloneCluster fromBuild(Path dir) throws IOException {
    return new LocalStandaloneCluster(dir, System.getProperty("provbench.addOpens"),
        Path.of(System.getProperty("provbench.sparkClasspath")));
  }

  public static Path clusterJar() {
    return Path.of(System.getProperty("provbench.clusterJar"));
  }

  /** Starts the master and a worker with {@code cores} cores; returns once the worker registered. */
  public LocalStandaloneCluster start(int cores) throws Exception {
    int port = freePort();
    master = "spark://127.0.0.1:" + port;
    java("master", Map.of(), List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
        "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort())));
    awaitLog("master", "I have been elected leader", 60);
    worker = java("worker", Map.of(), List.of("org.apache.spark.deploy.worker.Worker", master, "--host", "127.0.0.1",
        "--cores", String.valueOf(cores), "--memory", "3g", "--webui-port", String.valueOf(freePort()),
        "--work-dir", workDir().toString()));
    awaitLog("master", "Registering worker", 60);
    return this;
  }

  public String master() {
    return master;
  }

  /** Where the worker keeps each application's executor folders. */
  public Path workDir() {
    return dir.resolve("work");
  }

  /** {@code SparkSubmit} of the cluster jar's CLI in client mode: {@code conf} are extra {@code --conf} pairs. */
  public Process submit(String name, Map<String, String> env, Map<String, String> conf, List<String> cliArgs)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", master,
        "--deploy-mode", "client", "--class", "dev.provbench.cli.Main", "--conf", "spark.driver.host=127.0.0.1"));
    conf.forEach((k, v) -> args.addAll(List.of("--conf", k + "=" + v)));
    args.add(clusterJar().toString());
    args.addAll(cliArgs);
    return java(name, env, args);
  }

  /** The cluster jar's CLI in Spark local mode, as the {@code provbench} launcher runs it. */
  public Process local(String name, List<String> cliArgs) throws IOException {
    List<String> args = new ArrayList<>(List.of("-cp", clusterJar() + ":" + home.resolve("jars") + "/*",
        "dev.provbench.cli.Main"));
    args.addAll(cliArgs);
    return javaWithClasspath(name, Map.of(), args);
  }

  /** The executor JVMs running now: the worker's children. */
  public List<ProcessHandle> executors() {
    return worker.descendants().filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
        .toList();
  }

  public Path log(String name) {
    return dir.resolve(name + ".log");
  }

  public String logText(String name) throws IOException {
    return Files.exists(log(name)) ? Files.readString(log(name)) : "";
  }

  public void awaitLog(String name, String text, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (logText(name).contains(text)) return;
      Thread.sleep(200);
    }
    throw new AssertionError(name + " did not log `" + text + "`:\n" + logText(name));
  }

  private Process java(String name, Map<String, String> env, List<String> args) throws IOException {
    List<String> withClasspath = new ArrayList<>(List.of("-cp", home.resolve("jars") + "/*"));
    withClasspath.addAll(args);
    return javaWithClasspath(name, env, withClasspath);
  }

  private Process javaWithClasspath(String name, Map<String, String> env, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(addOpens);
    command.add("-Xmx2g");
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(name).toFile());
    pb.environment().putAll(Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13",
        "SPARK_LOCAL_IP", "127.0.0.1"));
    pb.environment().putAll(env);
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Kills every JVM started here, executors included. */
  @Override
  public void close() {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }
}
