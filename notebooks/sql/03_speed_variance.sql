-- The write-up's table 2: duration distribution per provider within each size (seconds; failed cells included).
SELECT run_id, size, provider, model,
       count(*) AS cells,
       count_if(status <> 'ok') AS failed,
       percentile(duration_ms, 0.5) / 1000 AS p50_s,
       percentile(duration_ms, 0.9) / 1000 AS p90_s,
       percentile(duration_ms, 0.99) / 1000 AS p99_s,
       avg(duration_ms) / 1000 AS mean_s,
       stddev_samp(duration_ms) / 1000 AS stddev_s,
       min(duration_ms) / 1000 AS min_s,
       max(duration_ms) / 1000 AS max_s,
       percentile(ttft_ms, 0.5) / 1000 AS ttft_p50_s,
       avg(output_tps) AS tokens_per_s
FROM cells
GROUP BY run_id, size, provider, model
ORDER BY run_id, try_cast(regexp_extract(size, '([0-9.]+)', 1) AS DOUBLE), size, provider, model;

-- The spread within each size: slowest p50 over fastest p50.
SELECT run_id, size, count(*) AS providers,
       min_by(provider, duration_p50_s) AS fastest, min(duration_p50_s) AS fastest_p50_s,
       max_by(provider, duration_p50_s) AS slowest, max(duration_p50_s) AS slowest_p50_s,
       max(duration_p50_s) / min(duration_p50_s) AS slowest_over_fastest
FROM experiments
GROUP BY run_id, size
ORDER BY run_id, try_cast(regexp_extract(size, '([0-9.]+)', 1) AS DOUBLE), size;
