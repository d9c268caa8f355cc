package dev.provbench.run;

import dev.provbench.results.JudgeCall;
import dev.provbench.results.ResultSchema;
import dev.provbench.score.Answer;
import dev.provbench.score.NamedScore;
import dev.provbench.score.ScorerSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A rescore's judges when it does not ask them again: each LLM-judge scorer's score and call as the row stored them,
 * by scorer name. A judge the row has no verdict of (the run did not have it) scores null, "not judged". One per row.
 */
final class StoredJudges implements CellJudges {
  private final Map<String, NamedScore> scores = new HashMap<>();
  private final Map<String, JudgeCall> calls = new HashMap<>();

  static StoredJudges of(Row cell) {
    StoredJudges out = new StoredJudges();
    scala.collection.Seq<Row> stored = cell.getAs("scores");
    if (stored != null) {
      for (Row s : CollectionConverters.asJava(stored)) {
        out.scores.put(s.getAs("scorer"), new NamedScore(s.<String>getAs("scorer"), s.<Double>getAs("score"), s.getAs("note")));
      }
    }
    List<JudgeCall> judged = ResultSchema.judgeCalls(cell.getAs("judge_calls"));
    if (judged != null) judged.forEach(c -> out.calls.put(c.scorer(), c));
    return out;
  }

  @Override
  public Judged judge(ScorerSpec spec, Answer answer) {
    NamedScore score = scores.get(spec.name());
    JudgeCall call = calls.get(spec.name());
    if (score == null || call == null) {
      return CellJudges.notJudged(spec, "not judged: the run has no verdict of this judge; rescore with --llm-judge to ask it");
    }
    return new Judged(score, call);
  }
}
