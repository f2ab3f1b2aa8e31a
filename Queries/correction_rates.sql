-- title: Correction rates by year
-- description: How often reconsiderations and lawsuits corrected the body: 结果纠正 against decided cases (维持 + 纠正 + 其他; 尚未审结 excluded), in percent, own-scope reports per year (NULL when nothing was decided).
-- param: from (default 1900): first year
-- param: to (default 2100): last year
-- Two halves, one of which runs: the sums kept per year in measure_totals when they are fresh
-- (a few rows), else the same sums over report_measures (one row per report).
WITH sums AS (
    SELECT t.year AS year,
           CASE WHEN SUM(t."review.corrected.count") > 0 THEN SUM(t."review.corrected.sum") + COALESCE(SUM(CAST(t."review.corrected.decimals" AS REAL)), 0) END AS review_corrected,
           CASE WHEN SUM(t."review.upheld.count") + SUM(t."review.corrected.count") + SUM(t."review.other.count") > 0 THEN SUM(t."review.upheld.sum") + COALESCE(SUM(CAST(t."review.upheld.decimals" AS REAL)), 0) + SUM(t."review.corrected.sum") + COALESCE(SUM(CAST(t."review.corrected.decimals" AS REAL)), 0) + SUM(t."review.other.sum") + COALESCE(SUM(CAST(t."review.other.decimals" AS REAL)), 0) END AS review_decided,
           CASE WHEN SUM(t."litigation.direct.corrected.count") + SUM(t."litigation.after_review.corrected.count") > 0 THEN SUM(t."litigation.direct.corrected.sum") + COALESCE(SUM(CAST(t."litigation.direct.corrected.decimals" AS REAL)), 0) + SUM(t."litigation.after_review.corrected.sum") + COALESCE(SUM(CAST(t."litigation.after_review.corrected.decimals" AS REAL)), 0) END AS litigation_corrected,
           CASE WHEN SUM(t."litigation.direct.upheld.count") + SUM(t."litigation.direct.corrected.count") + SUM(t."litigation.direct.other.count") + SUM(t."litigation.after_review.upheld.count") + SUM(t."litigation.after_review.corrected.count") + SUM(t."litigation.after_review.other.count") > 0 THEN SUM(t."litigation.direct.upheld.sum") + COALESCE(SUM(CAST(t."litigation.direct.upheld.decimals" AS REAL)), 0) + SUM(t."litigation.direct.corrected.sum") + COALESCE(SUM(CAST(t."litigation.direct.corrected.decimals" AS REAL)), 0) + SUM(t."litigation.direct.other.sum") + COALESCE(SUM(CAST(t."litigation.direct.other.decimals" AS REAL)), 0) + SUM(t."litigation.after_review.upheld.sum") + COALESCE(SUM(CAST(t."litigation.after_review.upheld.decimals" AS REAL)), 0) + SUM(t."litigation.after_review.corrected.sum") + COALESCE(SUM(CAST(t."litigation.after_review.corrected.decimals" AS REAL)), 0) + SUM(t."litigation.after_review.other.sum") + COALESCE(SUM(CAST(t."litigation.after_review.other.decimals" AS REAL)), 0) END AS litigation_decided,
           SUM(t.reports) AS reports
    FROM measure_state s CROSS JOIN measure_totals t
    WHERE s.changes = s.totals AND t.level = 'year' AND t.year BETWEEN :from AND :to
    GROUP BY t.year
    UNION ALL
    SELECT m.year,
           SUM(m."review.corrected"),
           CASE WHEN COUNT(m."review.upheld") + COUNT(m."review.corrected") + COUNT(m."review.other") > 0 THEN COALESCE(SUM(m."review.upheld"), 0) + COALESCE(SUM(m."review.corrected"), 0) + COALESCE(SUM(m."review.other"), 0) END,
           CASE WHEN COUNT(m."litigation.direct.corrected") + COUNT(m."litigation.after_review.corrected") > 0 THEN COALESCE(SUM(m."litigation.direct.corrected"), 0) + COALESCE(SUM(m."litigation.after_review.corrected"), 0) END,
           CASE WHEN COUNT(m."litigation.direct.upheld") + COUNT(m."litigation.direct.corrected") + COUNT(m."litigation.direct.other") + COUNT(m."litigation.after_review.upheld") + COUNT(m."litigation.after_review.corrected") + COUNT(m."litigation.after_review.other") > 0 THEN COALESCE(SUM(m."litigation.direct.upheld"), 0) + COALESCE(SUM(m."litigation.direct.corrected"), 0) + COALESCE(SUM(m."litigation.direct.other"), 0) + COALESCE(SUM(m."litigation.after_review.upheld"), 0) + COALESCE(SUM(m."litigation.after_review.corrected"), 0) + COALESCE(SUM(m."litigation.after_review.other"), 0) END,
           COUNT(*)
    FROM measure_state s CROSS JOIN report_measures m
    WHERE s.changes <> s.totals AND m.own = 1 AND m.year BETWEEN :from AND :to
    GROUP BY m.year
)
SELECT year, review_corrected, review_decided,
       CASE WHEN review_decided > 0 THEN ROUND(100.0 * review_corrected / review_decided, 2) END AS review_correction_rate,
       litigation_corrected, litigation_decided,
       CASE WHEN litigation_decided > 0 THEN ROUND(100.0 * litigation_corrected / litigation_decided, 2) END AS litigation_correction_rate
FROM sums
ORDER BY year;
