package dev.provbench.analysis.bench;

import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.output.OutputFormat;
import dev.provbench.run.SparkSessions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

public final class WarmAnalyze {
  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    SparkSession spark = SparkSessions.create("warm", 2, Map.of());
    System.out.printf("session %.2f s%n", (System.nanoTime() - t0) / 1e9);
    for (int i = 0; i < Integer.parseInt(args[1]); i++) {
      long t = System.nanoTime();
      var a = ResultsAnalyzer.analyze(spark, Path.of(args[0]), List.of(), false, AnalysisOptions.defaults());
      OutputFormat.CONSOLE.render(a.writeUp());
      System.out.printf("analyze %.2f s%n", (System.nanoTime() - t) / 1e9);
    }
    spark.stop();
  }
}
