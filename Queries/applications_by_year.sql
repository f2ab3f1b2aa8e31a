-- title: Applications by year
-- description: Disclosure applications received, carried over, handled and carried forward (总计 column), summed over own-scope reports per year.
-- param: from (default 1900): first year
-- param: to (default 2100): last year
SELECT r.year AS year,
       SUM(CASE WHEN k.key = 'requests.new.total' THEN f.value END) AS received,
       SUM(CASE WHEN k.key = 'requests.carried_in.total' THEN f.value END) AS carried_in,
       SUM(CASE WHEN k.key = 'outcome.total.total' THEN f.value END) AS handled,
       SUM(CASE WHEN k.key = 'carried_out.total' THEN f.value END) AS carried_out,
       COUNT(DISTINCT r.id) AS reports
FROM reports r
JOIN facts f ON f.report_id = r.id
JOIN metrics k ON k.id = f.metric_id AND k.key IN ('requests.new.total', 'requests.carried_in.total', 'outcome.total.total', 'carried_out.total')
WHERE r.scope = 'own' AND r.year BETWEEN :from AND :to
GROUP BY r.year
ORDER BY r.year;
