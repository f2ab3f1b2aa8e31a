-- title: Penalties by year
-- description: 行政处罚 decisions (proactive.penalty.decisions) summed over the bodies' own reports, per year; aggregate reports are left out so no decision is counted twice.
-- param: from (default 1900): first year
-- param: to (default 2100): last year
SELECT r.year AS year,
       SUM(f.value) AS penalties,
       COUNT(f.value) AS reports_with_value,
       COUNT(*) AS reports
FROM reports r
JOIN facts f ON f.report_id = r.id AND f.metric_id = (SELECT id FROM metrics WHERE key = 'proactive.penalty.decisions')
WHERE r.scope = 'own' AND r.year BETWEEN :from AND :to
GROUP BY r.year
ORDER BY r.year;
