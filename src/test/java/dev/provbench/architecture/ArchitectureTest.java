package dev.provbench.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.provbench.architecture.PackageRules.PackageRule;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The package dependencies of docs/ARCHITECTURE.md hold in the main code, and each rule reports an edge
 * added against it (the classes under {@code fixture}).
 */
class ArchitectureTest {
  private static final String ROOT = "dev.provbench";
  private static final String FIXTURE = "dev.provbench.architecture.fixture";

  /** Per rule, the fixture class whose edge it must report. */
  private static final Map<String, String> BROKEN_BY = Map.of(
      "sim stands alone", "fixture.sim.LeakySim",
      "analysis and report read results only", "fixture.analysis.RerunningAnalysis",
      "results is a leaf", "fixture.results.ResultRow",
      "score and task are pure", "fixture.task.HttpTask",
      "provider knows no Spark", "fixture.provider.SparkProvider",
      "stats is pure", "fixture.stats.RunAwareStats",
      "decide knows no Spark", "fixture.decide.SparkPlanner",
      "analysis output knows no Spark", "fixture.analysis.output.SparkTable",
      "no package cycles", "fixture.input.InputError",
      "no cycles inside analysis", "fixture.analysis.load.LoadSteps");
  private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURE);

  @Test
  void mainCodeKeepsEveryRule() {
    JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
    assertTrue(main.size() > 100, "imported " + main.size() + " classes");
    for (PackageRule r : PackageRules.of(ROOT)) r.rule().check(main);
  }

  @Test
  void everyRuleReportsAnEdgeAddedAgainstIt() {
    List<PackageRule> rules = PackageRules.of(FIXTURE);
    assertEquals(BROKEN_BY.keySet(), rules.stream().map(PackageRule::name).collect(Collectors.toSet()));
    for (PackageRule r : rules) {
      EvaluationResult result = r.rule().evaluate(FIXTURE_CLASSES);
      String report = String.join("\n", result.getFailureReport().getDetails());
      assertTrue(result.hasViolation(), r.name() + " found no violation");
      assertTrue(report.contains(BROKEN_BY.get(r.name())), r.name() + " reported: " + report);
    }
  }

  @Test
  void scoreAndTaskRuleCatchesSparkToo() {
    PackageRule pure = PackageRules.of(FIXTURE).stream().filter(r -> r.name().equals("score and task are pure")).findFirst()
        .orElseThrow();
    assertTrue(String.join("\n", pure.rule().evaluate(FIXTURE_CLASSES).getFailureReport().getDetails())
        .contains("fixture.score.SparkScore"));
  }
}
