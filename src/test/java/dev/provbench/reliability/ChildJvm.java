package dev.provbench.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a main class of this build in a child JVM, as a user would run the launcher: the test classpath,
 * the pom's {@code add.opens} list, the given system properties and environment. Its output streams go to
 * files in {@code dir} so they can be searched like every other file it leaves.
 */
final class ChildJvm {
  private ChildJvm() {}

  /** @param stdout, stderr and exit code of a finished child. */
  record Result(int exitCode, String stdout, String stderr) {}

  static Result run(Path dir, Map<String, String> env, List<String> systemProperties, String mainClass, String... args)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    List<String> command = command(systemProperties, mainClass, args);
    command.addAll(1, List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")); // a short run: start fast
    Path out = dir.resolve("child.stdout");
    Path err = dir.resolve("child.stderr");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("child JVM still running after 180 s; stderr:\n" + Files.readString(err));
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** Starts a child that a test stops itself (a kill): its stdout and stderr both go to {@code log}. */
  static Process start(Path log, List<String> systemProperties, String mainClass, String... args) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command(systemProperties, mainClass, args)).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  private static List<String> command(List<String> systemProperties, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(addOpens());
    command.addAll(systemProperties);
    command.add("-cp");
    command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(mainClass);
    command.addAll(Arrays.asList(args));
    return command;
  }

  /** The JVM options Spark needs on Java 17, as the pom gives them to Surefire. */
  static List<String> addOpens() throws IOException {
    Matcher m = Pattern.compile("<add\\.opens>([^<]*)</add\\.opens>").matcher(Files.readString(Path.of("pom.xml")));
    if (!m.find()) throw new AssertionError("pom.xml has no add.opens property");
    return Arrays.asList(m.group(1).trim().split("\\s+"));
  }
}
