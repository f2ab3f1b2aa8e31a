-- title: Penalties by year
-- description: 行政处罚 decisions (proactive.penalty.decisions) summed over the bodies' own reports, per year; aggregate reports are left out so no decision is counted twice.
-- param: from (default 1900): first year
-- param: to (default 2100): last year
SELECT m.year AS year,
       SUM(m."proactive.penalty.decisions") AS penalties,
       COUNT(m."proactive.penalty.decisions") AS reports_with_value,
       COUNT(*) AS reports
FROM report_measures m
WHERE m.own = 1 AND m.year BETWEEN :from AND :to
GROUP BY m.year
ORDER BY m.year;
