package dev.provbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/**
 * A command run in this JVM ({@link Main#execute}) with what it printed on standard output.
 *
 * @param exit the exit code.
 * @param text everything printed to {@code System.out} while it ran.
 */
record ConsoleRun(int exit, String text) {
  static ConsoleRun of(String... args) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(console, true));
    try {
      int exit = Main.execute(args);
      return new ConsoleRun(exit, console.toString());
    } finally {
      System.setOut(stdout);
    }
  }
}
