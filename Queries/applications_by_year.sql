-- title: Applications by year
-- description: Disclosure applications received, carried over, handled and carried forward (总计 column), summed over own-scope reports per year.
-- param: from (default 1900): first year
-- param: to (default 2100): last year
-- Two halves, one of which runs: the sums kept per year in measure_totals when they are fresh
-- (a few rows), else the same sums over report_measures (one row per report).
SELECT t.year AS year,
       CASE WHEN SUM(t."requests.new.total.count") > 0 THEN SUM(t."requests.new.total.sum") + COALESCE(SUM(CAST(t."requests.new.total.decimals" AS REAL)), 0) END AS received,
       CASE WHEN SUM(t."requests.carried_in.total.count") > 0 THEN SUM(t."requests.carried_in.total.sum") + COALESCE(SUM(CAST(t."requests.carried_in.total.decimals" AS REAL)), 0) END AS carried_in,
       CASE WHEN SUM(t."outcome.total.total.count") > 0 THEN SUM(t."outcome.total.total.sum") + COALESCE(SUM(CAST(t."outcome.total.total.decimals" AS REAL)), 0) END AS handled,
       CASE WHEN SUM(t."carried_out.total.count") > 0 THEN SUM(t."carried_out.total.sum") + COALESCE(SUM(CAST(t."carried_out.total.decimals" AS REAL)), 0) END AS carried_out,
       SUM(t.reports) AS reports
FROM measure_state s CROSS JOIN measure_totals t
WHERE s.changes = s.totals AND t.level = 'year' AND t.year BETWEEN :from AND :to
GROUP BY t.year
UNION ALL
SELECT m.year,
       SUM(m."requests.new.total"),
       SUM(m."requests.carried_in.total"),
       SUM(m."outcome.total.total"),
       SUM(m."carried_out.total"),
       COUNT(*)
FROM measure_state s CROSS JOIN report_measures m
WHERE s.changes <> s.totals AND m.own = 1 AND m.year BETWEEN :from AND :to
GROUP BY m.year
ORDER BY year;
