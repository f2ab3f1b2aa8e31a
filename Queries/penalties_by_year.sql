-- title: Penalties by year
-- description: 行政处罚 decisions (proactive.penalty.decisions) summed over the bodies' own reports, per year; aggregate reports are left out so no decision is counted twice.
-- param: from (default 1900): first year
-- param: to (default 2100): last year
-- Two halves, one of which runs: the sums kept per year in measure_totals when they are fresh
-- (a few rows), else the same sums over report_measures (one row per report).
SELECT t.year AS year,
       CASE WHEN SUM(t."proactive.penalty.decisions.count") > 0 THEN SUM(t."proactive.penalty.decisions.sum") + COALESCE(SUM(CAST(t."proactive.penalty.decisions.decimals" AS REAL)), 0) END AS penalties,
       SUM(t."proactive.penalty.decisions.count") AS reports_with_value,
       SUM(t.reports) AS reports
FROM measure_state s CROSS JOIN measure_totals t
WHERE s.changes = s.totals AND t.level = 'year' AND t.year BETWEEN :from AND :to
GROUP BY t.year
UNION ALL
SELECT m.year,
       SUM(m."proactive.penalty.decisions"),
       COUNT(m."proactive.penalty.decisions"),
       COUNT(*)
FROM measure_state s CROSS JOIN report_measures m
WHERE s.changes <> s.totals AND m.own = 1 AND m.year BETWEEN :from AND :to
GROUP BY m.year
ORDER BY year;
