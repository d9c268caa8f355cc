package dev.provbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out-file FILE}: a command's text into a local file instead of the console (a picocli mixin). */
final class OutputFile {
  @Option(names = "--out-file", paramLabel = "FILE", description = "write to this local file instead of the console")
  Path file;

  /** {@code --out FILE}, the former spelling: {@code --out} is now always a folder. Kept for scripts. */
  @Option(names = "--out", hidden = true, paramLabel = "FILE")
  void formerOut(Path file) {
    this.file = file;
  }

  /** Prints {@code text}, or writes it to the file and says so: "{@code what} written to FILE". */
  void write(String text, String what) throws IOException {
    if (file == null) {
      System.out.print(text);
    } else {
      Files.writeString(file, text);
      System.out.println(what + " written to " + file);
    }
  }
}
