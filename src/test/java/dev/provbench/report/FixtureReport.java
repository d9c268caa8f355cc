package dev.provbench.report;

import dev.provbench.SparkTestSession;
import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.ResultsFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The report of the analysis fixture, its run marked simulated the demo's way. */
final class FixtureReport {
  private FixtureReport() {}

  static Path write(Path dir) throws Exception {
    Path results = ResultsFixture.write(SparkTestSession.get(), dir.resolve("results"));
    Files.writeString(results.resolve("run_id=r1/_SIMULATED"), "");
    Analysis analysis = ResultsAnalyzer.analyze(SparkTestSession.get(), results, List.of(), false, AnalysisOptions.defaults());
    return ReportWriter.write(analysis, dir.resolve("report"));
  }
}
