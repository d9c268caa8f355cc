package dev.provbench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.dataset.DatasetReader;
import dev.provbench.dataset.EvalCase;
import dev.provbench.dataset.TraceReader;
import dev.provbench.dataset.TraceRow;
import dev.provbench.job.Job;
import dev.provbench.job.TracePlan;
import dev.provbench.job.TracePrompts;
import dev.provbench.task.SyntheticPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trace replay's cases: one per trace row, id {@code t000123}, in trace order. With synthetic prompts its input is
 * {@code {"prompt": …}} (text built to the row's input length and hash-id blocks, {@link SyntheticPrompt}); with the
 * dataset's cases it is case {@code i mod n}'s input and expected value. Read on the driver, before any request.
 *
 * @param cases    the cases, row {@code i} as case {@code i}.
 * @param schedule the rows' due times, output lengths and conversation turns.
 */
record TraceCases(List<EvalCase> cases, TraceSchedule schedule) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static TraceCases read(Job job) {
    TracePlan plan = job.trace();
    List<TraceRow> rows = TraceReader.read(plan.file(), plan.blockTokens(), plan.limit());
    List<EvalCase> dataset = plan.prompts() == TracePrompts.CASES ? DatasetReader.readAny(job.dataset()) : null;
    List<EvalCase> out = new ArrayList<>(rows.size());
    for (TraceRow r : rows) {
      if (dataset == null) {
        String text = SyntheticPrompt.text(r.hashIds(), r.inputLength(), plan.blockTokens(), r.index());
        String input = JSON.createObjectNode().put("prompt", text).toString();
        out.add(new EvalCase(r.caseId(), Map.of(), Double.NaN, null, input, null, r.where()));
      } else {
        EvalCase c = dataset.get(r.index() % dataset.size());
        out.add(new EvalCase(r.caseId(), c.vars(), c.expected(), c.metadata(), c.input(), c.expectedJson(),
            r.where() + " (case " + c.id() + ", " + c.where() + ")"));
      }
    }
    return new TraceCases(List.copyOf(out), TraceSchedule.of(plan, rows));
  }
}
