-- Drill-down: the cases on which 8b providers disagree (their most frequent output differs), with each
-- provider's typical output, its CorrectScore on the case, and the gold score.
WITH per_provider AS (
  SELECT run_id, case_id, provider,
         first(expected) AS expected,
         mode(output, true) AS typical_output,
         avg(correct_score) AS correct_score,
         count_if(status <> 'ok') AS failed
  FROM cells
  WHERE size = '8b'
  GROUP BY run_id, case_id, provider)
SELECT run_id, case_id, first(expected) AS expected,
       count(DISTINCT coalesce(typical_output, -1)) AS distinct_outputs,
       map_from_entries(collect_list(struct(provider, typical_output))) AS output_by_provider,
       map_from_entries(collect_list(struct(provider, correct_score))) AS correct_score_by_provider,
       sum(failed) AS failed_cells
FROM per_provider
GROUP BY run_id, case_id
HAVING count(DISTINCT coalesce(typical_output, -1)) > 1
ORDER BY run_id, case_id;
