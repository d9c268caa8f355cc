-- The write-up's table 1: aggregate trade-off by size, and the jump from the previous size.
-- Sizes order by their number of parameters (8b < 70b < 405b). `provbench analyze` adds 95% CIs.
WITH by_size AS (
  SELECT run_id, size,
         try_cast(regexp_extract(size, '([0-9.]+)', 1) AS DOUBLE) AS parameters,
         count(*) AS cells,
         count_if(status <> 'ok') AS failed,
         avg(correct_score) AS correct_score,
         avg(non_null) AS non_null,
         avg(duration_ms) / 1000 AS duration_mean_s,
         percentile(duration_ms, 0.5) / 1000 AS duration_p50_s
  FROM cells
  GROUP BY run_id, size)
SELECT run_id, size, cells, failed, correct_score, non_null, duration_mean_s, duration_p50_s,
       (correct_score - lag(correct_score) OVER w) * 100 AS delta_accuracy_pts,
       (correct_score - lag(correct_score) OVER w) / lag(correct_score) OVER w * 100 AS delta_accuracy_pct,
       duration_mean_s - lag(duration_mean_s) OVER w AS delta_duration_s
FROM by_size
WINDOW w AS (PARTITION BY run_id ORDER BY parameters, size)
ORDER BY run_id, parameters, size;
