package dev.provbench.cli;

import dev.provbench.input.BadInputException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --run ID}: the stored runs a command reads (a picocli mixin). Naming a new run is {@code --run-id}
 * ({@code run}, {@code demo}, {@code rescore}).
 */
final class RunSelection {
  @Option(names = "--run", paramLabel = "ID",
      description = "a stored run (analyze, report, rescore: default the latest); analyze and report take it twice to"
          + " compare two runs, baseline first")
  List<String> ids = new ArrayList<>();

  /** The runs named, in order; empty for the latest. */
  List<String> ids() {
    return List.copyOf(ids);
  }

  /** The one run named, or null for the latest; a bad-input error when several are. */
  String atMostOne() {
    if (ids.size() > 1) {
      throw new BadInputException("--run", "names " + ids.size() + " runs " + ids + " here", "give one --run ID");
    }
    return ids.isEmpty() ? null : ids.get(0);
  }

  /** The one run named; a bad-input error when none or several are. */
  String one(String example) {
    String id = atMostOne();
    if (id == null) throw new BadInputException("--run", "is missing", "name the stored run, e.g. " + example);
    return id;
  }
}
