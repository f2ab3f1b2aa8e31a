-- title: Appeals by year
-- description: Administrative reconsiderations (行政复议) and lawsuits (行政诉讼, both branches) about disclosure, and how many corrected the body, summed over own-scope reports per year.
-- param: from (default 1900): first year
-- param: to (default 2100): last year
SELECT r.year AS year,
       SUM(CASE WHEN k.key = 'review.total' THEN f.value END) AS reviews,
       SUM(CASE WHEN k.key = 'review.corrected' THEN f.value END) AS reviews_corrected,
       SUM(CASE WHEN k.key IN ('litigation.direct.total', 'litigation.after_review.total') THEN f.value END) AS lawsuits,
       SUM(CASE WHEN k.key IN ('litigation.direct.corrected', 'litigation.after_review.corrected') THEN f.value END) AS lawsuits_corrected,
       COUNT(DISTINCT r.id) AS reports
FROM reports r
JOIN facts f ON f.report_id = r.id
JOIN metrics k ON k.id = f.metric_id AND k.key IN ('review.total', 'review.corrected', 'litigation.direct.total', 'litigation.after_review.total',
                  'litigation.direct.corrected', 'litigation.after_review.corrected')
WHERE r.scope = 'own' AND r.year BETWEEN :from AND :to
GROUP BY r.year
ORDER BY r.year;
