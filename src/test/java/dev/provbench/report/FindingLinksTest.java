package dev.provbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provbench.analysis.Experiment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which experiments a finding names, and which of their cells its links open; one line per case. */
class FindingLinksTest {
  private static final List<Experiment> RUN = List.of(new Experiment("Provider 1", "m1-8b", "8b"),
      new Experiment("Provider 1", "m1-405b", "405b"), new Experiment("Provider 10", "m10-8b", "8b"),
      new Experiment("Provider 3", "m3-405b", "405b"), new Experiment("Self-hosted vLLM", "fp8", "405b"));

  @Test
  void linksTheExperimentsEachSentenceNames() {
    links("Provider 3 is slowest at 405b.", "Provider 3 at 405b slowest");
    links("Provider 1 is fastest at 8b but slowest at 405b.", "Provider 1 at 8b slowest", "Provider 1 at 405b slowest");
    links("Provider 1 is fastest at 8b. Provider 3 is slowest at 405b.", "Provider 1 at 8b slowest",
        "Provider 3 at 405b slowest");
    links("Provider 10 fails far more often than the others at 8b; its speed is not ranked there.",
        "Provider 10 at 8b failed");
    links("At 405b, Provider 3 is the most accurate (CorrectScore 0.931), 0.4 points ahead of Self-hosted vLLM.",
        "Provider 3 at 405b lowest", "Self-hosted vLLM at 405b lowest");
    links("From 8b to 70b, accuracy rises 8.9 points (+11.0%) and mean duration grows by 1.10 s.");
    links("Provider 2 is slowest at 8b.");
  }

  @Test
  void aNameIsAWholeWord() {
    assertEquals(false, FindingLinks.names("Provider 10 is slowest at 8b.", "Provider 1"));
    assertEquals(true, FindingLinks.names("Provider 1, then Provider 10", "Provider 1"));
    assertEquals(false, FindingLinks.names("0.8b of", "8b"));
  }

  private static void links(String finding, String... expected) {
    assertEquals(List.of(expected), FindingLinks.of(finding, RUN).stream().map(l -> l.label() + " " + l.kind()).toList(),
        finding);
  }
}
