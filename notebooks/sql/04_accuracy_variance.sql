-- The write-up's table 3: accuracy per provider within each size. `provbench analyze` adds case-bootstrap
-- 95% CIs and paired tests between providers.
SELECT run_id, size, provider, model, cells, failed, correct_score, non_null
FROM experiments
ORDER BY run_id, try_cast(regexp_extract(size, '([0-9.]+)', 1) AS DOUBLE), size, provider, model;

-- The spread within each size, in CorrectScore points.
SELECT run_id, size, count(*) AS providers,
       max_by(provider, correct_score) AS most_accurate, max(correct_score) AS best,
       min_by(provider, correct_score) AS least_accurate, min(correct_score) AS worst,
       (max(correct_score) - min(correct_score)) * 100 AS spread_pts
FROM experiments
GROUP BY run_id, size
ORDER BY run_id, try_cast(regexp_extract(size, '([0-9.]+)', 1) AS DOUBLE), size;
