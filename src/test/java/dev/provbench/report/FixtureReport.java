package dev.provbench.report;

import dev.provbench.SparkTestSession;
import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.CellSamples;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.ResultsFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The report of the analysis fixture, its run marked simulated the demo's way. */
final class FixtureReport {
  private FixtureReport() {}

  static Path write(Path dir) throws Exception {
    return write(analyze(dir), dir);
  }

  /** Writes the fixture's results under {@code dir/results} and analyses its latest run (r1). */
  static Analysis analyze(Path dir) throws Exception {
    Path results = ResultsFixture.write(SparkTestSession.get(), dir.resolve("results"));
    Files.writeString(results.resolve("run_id=r1/_SIMULATED"), "");
    return ResultsAnalyzer.analyze(SparkTestSession.get(), results, List.of(), false, AnalysisOptions.defaults());
  }

  /** The report of an analysis made by {@link #analyze}, under {@code dir/report}. */
  static Path write(Analysis analysis, Path dir) {
    return ReportWriter.write(analysis, samples(analysis), dir.resolve("report"));
  }

  static List<CellSamples> samples(Analysis analysis) {
    return CellSamples.load(SparkTestSession.get(), analysis.run().runId());
  }
}
