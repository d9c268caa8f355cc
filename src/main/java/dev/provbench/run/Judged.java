package dev.provbench.run;

import dev.provbench.results.JudgeCall;
import dev.provbench.score.NamedScore;

/**
 * One LLM-judge scorer's verdict on one cell: its score for the {@code scores} column and its call for
 * {@code judge_calls}.
 *
 * @param score the score; null inside when the judge gave none, the note saying why.
 * @param call  the judge's call, or how it was skipped.
 */
record Judged(NamedScore score, JudgeCall call) {}
