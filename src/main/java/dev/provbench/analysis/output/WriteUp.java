package dev.provbench.analysis.output;

import java.util.List;

/**
 * What an output format writes: the heading, which run it describes, its insights and its tables. Immutable.
 *
 * @param heading      {@code run X}, with what it is compared with and which load step it shows.
 * @param run          the run's id.
 * @param simulated    whether the run's providers were simulated.
 * @param comparedWith the second run's id, or null.
 * @param loadStep     the load step the ordinary tables show on a run with a ladder, or null.
 * @param tables       the tables, in the order they are written.
 * @param insights     sentences with the numbers behind them.
 */
public record WriteUp(String heading, String run, boolean simulated, String comparedWith, LoadStep loadStep,
    List<AnalysisTable> tables, List<Insight> insights) {

  public WriteUp {
    tables = List.copyOf(tables);
    insights = List.copyOf(insights);
  }

  /**
   * @param step        the step shown, 1-based.
   * @param concurrency its requests in flight per model, or null on a rate step.
   * @param steps       how many steps the ladder has.
   */
  public record LoadStep(Integer step, Integer concurrency, int steps) {}
}
