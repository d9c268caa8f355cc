package dev.provbench.cli;

import dev.provbench.analysis.SqlScript;
import dev.provbench.input.BadInputException;
import dev.provbench.results.ResultsViews;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code provbench sql RESULTS "SELECT ..."} or {@code --file q.sql}: queries over the result views. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Run SQL against the views results, cells (latest attempt of each cell) and experiments; calls no provider.")
final class SqlCommand implements Callable<Integer> {
  @Mixin
  ResultsArgument results;

  @Parameters(index = "1", arity = "0..1", paramLabel = "QUERY", description = "one or more statements separated by ;")
  String query;

  @Option(names = "--file", paramLabel = "FILE", description = "read the statements from a .sql file")
  Path file;

  @Option(names = "--limit", defaultValue = "200", description = "rows printed per result (default: ${DEFAULT-VALUE})")
  int limit;

  @Override
  public Integer call() throws IOException {
    if ((query == null) == (file == null)) {
      throw new BadInputException("sql", "give either a QUERY or --file, not both or neither",
          "e.g. provbench sql results \"SELECT * FROM experiments\"");
    }
    String script = file != null ? Files.readString(file) : query;
    SparkSession spark = results.openSpark();
    ResultsViews.register(spark, results.toString());
    List<Dataset<Row>> out = SqlScript.run(spark, script);
    for (Dataset<Row> r : out) {
      if (r.columns().length > 0) System.out.print(SqlScript.render(r, limit));
    }
    return 0;
  }
}
