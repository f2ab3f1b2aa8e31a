-- title: Appeals by year
-- description: Administrative reconsiderations (行政复议) and lawsuits (行政诉讼, both branches) about disclosure, and how many corrected the body, summed over own-scope reports per year.
-- param: from (default 1900): first year
-- param: to (default 2100): last year
-- Two halves, one of which runs: the sums kept per year in measure_totals when they are fresh
-- (a few rows), else the same sums over report_measures (one row per report).
SELECT t.year AS year,
       CASE WHEN SUM(t."review.total.count") > 0 THEN SUM(t."review.total.sum") + COALESCE(SUM(CAST(t."review.total.decimals" AS REAL)), 0) END AS reviews,
       CASE WHEN SUM(t."review.corrected.count") > 0 THEN SUM(t."review.corrected.sum") + COALESCE(SUM(CAST(t."review.corrected.decimals" AS REAL)), 0) END AS reviews_corrected,
       CASE WHEN SUM(t."litigation.direct.total.count") + SUM(t."litigation.after_review.total.count") > 0 THEN SUM(t."litigation.direct.total.sum") + COALESCE(SUM(CAST(t."litigation.direct.total.decimals" AS REAL)), 0) + SUM(t."litigation.after_review.total.sum") + COALESCE(SUM(CAST(t."litigation.after_review.total.decimals" AS REAL)), 0) END AS lawsuits,
       CASE WHEN SUM(t."litigation.direct.corrected.count") + SUM(t."litigation.after_review.corrected.count") > 0 THEN SUM(t."litigation.direct.corrected.sum") + COALESCE(SUM(CAST(t."litigation.direct.corrected.decimals" AS REAL)), 0) + SUM(t."litigation.after_review.corrected.sum") + COALESCE(SUM(CAST(t."litigation.after_review.corrected.decimals" AS REAL)), 0) END AS lawsuits_corrected,
       SUM(t.reports) AS reports
FROM measure_state s CROSS JOIN measure_totals t
WHERE s.changes = s.totals AND t.level = 'year' AND t.year BETWEEN :from AND :to
GROUP BY t.year
UNION ALL
SELECT m.year,
       SUM(m."review.total"),
       SUM(m."review.corrected"),
       CASE WHEN COUNT(m."litigation.direct.total") + COUNT(m."litigation.after_review.total") > 0 THEN COALESCE(SUM(m."litigation.direct.total"), 0) + COALESCE(SUM(m."litigation.after_review.total"), 0) END,
       CASE WHEN COUNT(m."litigation.direct.corrected") + COUNT(m."litigation.after_review.corrected") > 0 THEN COALESCE(SUM(m."litigation.direct.corrected"), 0) + COALESCE(SUM(m."litigation.after_review.corrected"), 0) END,
       COUNT(*)
FROM measure_state s CROSS JOIN report_measures m
WHERE s.changes <> s.totals AND m.own = 1 AND m.year BETWEEN :from AND :to
GROUP BY m.year
ORDER BY year;
