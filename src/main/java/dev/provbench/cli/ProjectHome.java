package dev.provbench.cli;

import java.nio.file.Path;

/** The project folder that default files (jobs, data) resolve against: the launcher's {@code provbench.home}, else the working folder. */
final class ProjectHome {
  private ProjectHome() {}

  static Path resolve(String relative) {
    return Path.of(System.getProperty("provbench.home", ".")).resolve(relative).normalize();
  }
}
