-- title: Disclosure rate by bureau
-- description: Per bureau and year, applications granted in full or in part (予以公开 + 部分公开) against applications handled (（七）总计), and the rate in percent (NULL when nothing was handled).
-- param: from (default 1900): first year
-- param: to (default 2100): last year
WITH parts AS (
    SELECT r.canonical_bureau AS bureau, r.year AS year,
           SUM(CASE WHEN k.key IN ('outcome.granted.total', 'outcome.partial.total') THEN f.value END) AS granted,
           SUM(CASE WHEN k.key = 'outcome.total.total' THEN f.value END) AS handled
    FROM reports r
    JOIN facts f ON f.report_id = r.id
    JOIN metrics k ON k.id = f.metric_id AND k.key IN ('outcome.granted.total', 'outcome.partial.total', 'outcome.total.total')
    WHERE r.year BETWEEN :from AND :to
    GROUP BY r.id
)
SELECT bureau, year, granted, handled,
       CASE WHEN handled > 0 THEN ROUND(100.0 * granted / handled, 2) END AS disclosure_rate
FROM parts
ORDER BY bureau, year;
