package dev.provbench.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The dependency rules of docs/ARCHITECTURE.md, for the packages under a root ({@code dev.provbench}, or a
 * test fixture that breaks each rule on purpose).
 */
final class PackageRules {
  /** What makes a class Spark: the engine and the Scala library it exposes. */
  static final String[] SPARK = {"org.apache.spark..", "scala.."};
  /** What makes a class speak HTTP: clients and servers. */
  static final String[] HTTP = {"okhttp3..", "mockwebserver3..", "java.net.http..", "com.sun.net.httpserver.."};

  /** @param name says the rule in a few words; the rule's own description says it in full. */
  record PackageRule(String name, ArchRule rule) {}

  private PackageRules() {}

  static List<PackageRule> of(String root) {
    return List.of(
        new PackageRule("sim stands alone", noClasses().that().resideInAPackage(root + ".sim..")
            .should().dependOnClassesThat(onlyOutside(root, "sim", "input"))
            .because("the simulated providers act as an outside server; they share only the input errors")),
        new PackageRule("analysis and report read results only", noClasses()
            .that().resideInAnyPackage(root + ".analysis..", root + ".report..")
            .should().dependOnClassesThat().resideInAnyPackage(root + ".provider..", root + ".run..")
            .because("they read stored rows and never call a provider; cli wires the run to them")),
        new PackageRule("results is a leaf", noClasses().that().resideInAPackage(root + ".results..")
            .should().dependOnClassesThat(onlyOutside(root, "results", "input"))
            .because("every side reads and writes the result row through it")),
        new PackageRule("score and task are pure", noClasses()
            .that().resideInAnyPackage(root + ".score..", root + ".task..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(SPARK, HTTP))
            .because("they are functions of text, used directly by rescoring and tests")),
        new PackageRule("provider knows no Spark", noClasses().that().resideInAPackage(root + ".provider..")
            .should().dependOnClassesThat().resideInAnyPackage(SPARK)
            .because("one provider call is plain HTTP; run puts it inside Spark tasks")),
        new PackageRule("stats is pure", noClasses().that().resideInAPackage(root + ".stats..")
            .should().dependOnClassesThat(resideInAnyPackage(concat(SPARK, HTTP)).or(onlyOutside(root, "stats")))
            .because("the statistics are functions of numbers, shared by the analysis and the run's planning")),
        new PackageRule("decide knows no Spark", noClasses().that().resideInAPackage(root + ".decide..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(SPARK, HTTP))
            .because("the planner is a pure function of stored cells: a run, an analysis and replay walk the same rounds")),
        new PackageRule("analysis output knows no Spark", noClasses().that().resideInAPackage(root + ".analysis.output..")
            .should().dependOnClassesThat().resideInAnyPackage(SPARK)
            .because("the formats write tables of plain values; the tables are computed elsewhere")),
        new PackageRule("no package cycles", slices().matching(root + ".(*)..").should().beFreeOfCycles()),
        new PackageRule("no cycles inside analysis", slices().assignedFrom(packagesOf(root + ".analysis")).should()
            .beFreeOfCycles()));
  }

  /** Each package of {@code parent} its own slice, {@code parent} itself included. */
  private static SliceAssignment packagesOf(String parent) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass c) {
        String p = c.getPackageName();
        return p.equals(parent) || p.startsWith(parent + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "the packages of " + parent;
      }
    };
  }

  /** Classes of the root outside the given packages (the package a rule is about, and what it may use). */
  private static DescribedPredicate<JavaClass> onlyOutside(String root, String... allowed) {
    String[] packages = Arrays.stream(allowed).map(p -> root + "." + p + "..").toArray(String[]::new);
    return resideInAPackage(root + "..").and(not(resideInAnyPackage(packages)))
        .as("classes of " + root + " outside " + String.join(", ", allowed));
  }

  private static String[] concat(String[] a, String[] b) {
    return Stream.concat(Arrays.stream(a), Arrays.stream(b)).toArray(String[]::new);
  }
}
