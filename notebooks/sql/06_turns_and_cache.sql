-- Conversations and prefix caches: accuracy turn by turn (a run of `type: conversation`; turn is null elsewhere),
-- then per experiment the share of prompt tokens its provider served from a prefix cache and the median time to
-- first token with and without a hit (the `turns` and `cache` tables of `provbench analyze`).
SELECT run_id, provider, model, size, turn, count(*) AS cells,
       count_if(NOT (status IN ('ok', 'parse_error'))) AS failed,
       avg(correct_score) AS accuracy,
       percentile(CASE WHEN status IN ('ok', 'parse_error') THEN ttft_ms END, 0.5) / 1000 AS ttft_p50_s
FROM cells
WHERE turn IS NOT NULL
GROUP BY run_id, provider, model, size, turn
ORDER BY run_id, size, provider, model, turn;

SELECT run_id, provider, model, size,
       sum(cached_tokens) / sum(CASE WHEN cached_tokens IS NOT NULL THEN prompt_tokens END) AS cached_share,
       count_if(cached_tokens > 0) AS cells_with_a_hit,
       percentile(CASE WHEN cached_tokens > 0 THEN ttft_ms END, 0.5) / 1000 AS ttft_p50_hit_s,
       percentile(CASE WHEN coalesce(cached_tokens, 0) = 0 THEN ttft_ms END, 0.5) / 1000 AS ttft_p50_miss_s
FROM cells
WHERE status IN ('ok', 'parse_error')
GROUP BY run_id, provider, model, size
ORDER BY run_id, size, provider, model;
