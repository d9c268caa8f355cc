package dev.provbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provbench.SparkTestSession;
import dev.provbench.results.ResultsViews;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cells the report lists per experiment, each kind from the analysis fixture's run r1 by hand. */
class CellSamplesTest {
  @TempDir
  static Path dir;
  static Map<String, CellSamples> byExperiment;

  @BeforeAll
  static void load() throws Exception {
    Path results = ResultsFixture.write(SparkTestSession.get(), dir.resolve("results"));
    ResultsViews.register(SparkTestSession.get(), results.toString());
    byExperiment = CellSamples.load(SparkTestSession.get(), "r1").stream()
        .collect(Collectors.toMap(s -> s.experiment().provider() + " " + s.experiment().size(), s -> s));
  }

  @Test
  void everyExperimentInOrder() {
    assertEquals(List.of("P1 8b", "P2 8b", "P1 70b", "P2 70b"), CellSamples.load(SparkTestSession.get(), "r1").stream()
        .map(s -> s.experiment().provider() + " " + s.experiment().size()).toList());
  }

  @Test
  void failedCellsByCaseAndTrialWithTheirCount() {
    check("P2 8b", CellSamples::failed, "c2/1 http_error 3000");
    assertEquals(1, byExperiment.get("P2 8b").failedAll());
    check("P2 70b", CellSamples::failed, "c2/2 timeout 10000");
    check("P1 70b", CellSamples::failed);
  }

  @Test
  void slowestAnsweredFirstFromTheLatestRow() {
    check("P2 8b", CellSamples::slowest, "c2/2 ok 2400", "c1/2 ok 2200", "c1/1 ok 2000");
    assertEquals(3, byExperiment.get("P2 8b").answeredAll());
    check("P1 8b", CellSamples::slowest, "c2/2 parse_error 1600", "c2/1 ok 1400", "c1/2 ok 1200", "c1/1 ok 1000");
  }

  @Test
  void lowestScoredAnsweredFirstThenSlowest() {
    check("P1 8b", CellSamples::lowest, "c2/2 parse_error 1600", "c2/1 ok 1400", "c1/2 ok 1200", "c1/1 ok 1000");
    check("P2 70b", CellSamples::lowest, "c1/1 ok 4000", "c2/1 ok 4400", "c1/2 ok 4200");
  }

  @Test
  void everyTrialOfTheCasesWhoseTrialsDisagree() {
    check("P1 8b", CellSamples::disagreeing, "c2/1 ok 1400", "c2/2 parse_error 1600");
    assertEquals(1, byExperiment.get("P1 8b").disagreeingCases());
    check("P2 8b", CellSamples::disagreeing, "c1/1 ok 2000", "c1/2 ok 2200", "c2/1 http_error 3000", "c2/2 ok 2400");
    assertEquals(2, byExperiment.get("P2 8b").disagreeingCases());
    check("P1 70b", CellSamples::disagreeing);
    assertEquals(0, byExperiment.get("P1 70b").disagreeingCases());
  }

  @Test
  void cellsCarryWhatWasReadAndTheirScores() {
    CellSamples.Cell parseError = byExperiment.get("P1 8b").slowest().get(0);
    assertEquals("I think it is B.", parseError.response());
    assertEquals(16, parseError.responseChars());
    assertEquals(0.0, parseError.correctScore());
    CellSamples.Cell choiceA = byExperiment.get("P2 8b").slowest().get(2);
    assertEquals("A", choiceA.extracted());
    assertEquals(1.0, choiceA.expected());
    CellSamples.Cell rateLimited = byExperiment.get("P2 8b").failed().get(0);
    assertEquals(429, rateLimited.httpStatus());
    assertEquals(4, rateLimited.attempts());
    assertEquals(3, rateLimited.rateLimited());
  }

  @Test
  void eachCellOnceInAll() {
    CellSamples p2 = byExperiment.get("P2 8b");
    assertEquals(4, p2.all().size());
    assertEquals(p2.all().stream().map(CellSamples.Cell::cellId).distinct().count(), p2.all().size());
  }

  /** Asserts the cells of one kind, each {@code case/trial status duration_ms}. */
  private static void check(String experiment, Function<CellSamples, List<CellSamples.Cell>> kind,
      String... expected) {
    assertEquals(List.of(expected), kind.apply(byExperiment.get(experiment)).stream()
        .map(c -> c.caseId() + "/" + c.trial() + " " + c.status() + " " + c.durationMs()).toList(), experiment);
  }
}
