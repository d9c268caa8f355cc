-- The views every other query reads, over the `results` view (all stored rows of a results folder).
-- `provbench sql` registers the same views; this file repeats them for notebooks and other engines.
-- Made from dev.provbench.results.ResultsViews: edit the views there, then refresh this file (see ViewFiles).

-- cells: one row per (run_id, cell_id); when a cell was re-run, the row with the latest finished_at wins.
CREATE OR REPLACE TEMP VIEW cells AS
SELECT * EXCEPT (attempt_rank) FROM (
  SELECT *, row_number() OVER (PARTITION BY run_id, cell_id ORDER BY finished_at DESC) AS attempt_rank
  FROM results)
WHERE attempt_rank = 1;

-- experiments: one row per run x provider x model x size.
CREATE OR REPLACE TEMP VIEW experiments AS
SELECT run_id, provider, model, size, load_step,
       count(*) AS cells,
       count_if(NOT (status IN ('ok', 'parse_error'))) AS failed,
       count_if(NOT (status IN ('ok', 'parse_error'))) / count(*) AS failure_rate,
       count_if(status IN ('ok', 'parse_error')) AS answered,
       count_if(status <> 'ok') AS scored_zero,
       avg(correct_score) AS correct_score,
       avg(non_null) AS non_null,
       avg(duration_ms) FILTER (WHERE status IN ('ok', 'parse_error')) / 1000 AS duration_mean_s,
       percentile(duration_ms, 0.5) FILTER (WHERE status IN ('ok', 'parse_error')) / 1000 AS duration_p50_s,
       avg(duration_ms) / 1000 AS duration_mean_incl_failures_s,
       percentile(ttft_ms, 0.5) FILTER (WHERE status IN ('ok', 'parse_error')) / 1000 AS ttft_p50_s,
       sum(cost_usd) AS cost_usd,
       count_if(usage_source = 'estimated') AS estimated_usage,
       coalesce(sum(coalesce(reconnects, 0)), 0) AS reconnects
FROM cells
WHERE NOT coalesce(load_warmup, false)
GROUP BY run_id, provider, model, size, load_step;

-- scores: one row per cell x scorer (group any analysis by scorer).
CREATE OR REPLACE TEMP VIEW scores AS
SELECT run_id, provider, model, size, case_id, trial, cell_id, status, load_step, load_warmup, s.scorer, s.score,
       s.note
FROM cells
LATERAL VIEW explode(coalesce(scores, filter(array(
    named_struct('scorer', 'CorrectScore', 'score', correct_score, 'note', score_note),
    named_struct('scorer', 'NonNull', 'score', non_null, 'note', CAST(NULL AS STRING))),
  x -> x.score IS NOT NULL))) t AS s;
