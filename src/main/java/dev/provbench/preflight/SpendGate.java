package dev.provbench.preflight;

import dev.provbench.input.BadInputException;
import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Before a run: when the estimate's upper bound is above the job's spending cap, the user says yes first, with
 * {@code --yes} or at the terminal; without a terminal and without {@code --yes} the run is refused (bad input,
 * nothing sent). Stateless.
 */
public final class SpendGate {
  private SpendGate() {}

  /**
   * @param capUsd  the cap ({@code max_cost} or {@code --max-cost}), or null for none.
   * @param yes     {@code --yes} was given.
   * @param console the terminal to ask on, or null when stdin is not one ({@link System#console()}).
   */
  public static void confirm(RunEstimate estimate, Double capUsd, boolean yes, Console console, PrintStream out) {
    if (capUsd == null || estimate.maxCostUsd() <= capUsd) return;
    String above = String.format(Locale.ROOT, "the estimate's upper bound %s is above the cap %s",
        EstimateText.usd(estimate.maxCostUsd()), EstimateText.usd(capUsd));
    String stops = "the run stops taking new cells once its spend reaches " + EstimateText.usd(capUsd);
    if (yes) {
      out.println("note: " + above + "; running anyway (--yes): " + stops);
      return;
    }
    if (console == null) {
      throw new BadInputException("spending cap (max_cost, --max-cost)", above,
          "pass --yes to run anyway (" + stops + "), raise --max-cost or max_cost, or lower max_tokens or trials");
    }
    String answer = console.readLine("%s; %s. Run? [y/N] ", above, stops);
    if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
      throw new BadInputException("spending cap (max_cost, --max-cost)", above + " and the run was not confirmed", "answer y, or pass --yes");
    }
  }
}
