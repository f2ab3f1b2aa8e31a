-- title: Correction rates by year
-- description: How often reconsiderations and lawsuits corrected the body: 结果纠正 against decided cases (维持 + 纠正 + 其他; 尚未审结 excluded), in percent, own-scope reports per year (NULL when nothing was decided).
-- param: from (default 1900): first year
-- param: to (default 2100): last year
WITH sums AS (
    SELECT m.year AS year,
           SUM(m."review.corrected") AS review_corrected,
           CASE WHEN COUNT(m."review.upheld") + COUNT(m."review.corrected") + COUNT(m."review.other") > 0 THEN COALESCE(SUM(m."review.upheld"), 0) + COALESCE(SUM(m."review.corrected"), 0) + COALESCE(SUM(m."review.other"), 0) END AS review_decided,
           CASE WHEN COUNT(m."litigation.direct.corrected") + COUNT(m."litigation.after_review.corrected") > 0 THEN COALESCE(SUM(m."litigation.direct.corrected"), 0) + COALESCE(SUM(m."litigation.after_review.corrected"), 0) END AS litigation_corrected,
           CASE WHEN COUNT(m."litigation.direct.upheld") + COUNT(m."litigation.direct.corrected") + COUNT(m."litigation.direct.other") + COUNT(m."litigation.after_review.upheld") + COUNT(m."litigation.after_review.corrected") + COUNT(m."litigation.after_review.other") > 0 THEN COALESCE(SUM(m."litigation.direct.upheld"), 0) + COALESCE(SUM(m."litigation.direct.corrected"), 0) + COALESCE(SUM(m."litigation.direct.other"), 0) + COALESCE(SUM(m."litigation.after_review.upheld"), 0) + COALESCE(SUM(m."litigation.after_review.corrected"), 0) + COALESCE(SUM(m."litigation.after_review.other"), 0) END AS litigation_decided
    FROM report_measures m
    WHERE m.own = 1 AND m.year BETWEEN :from AND :to
    GROUP BY m.year
)
SELECT year, review_corrected, review_decided,
       CASE WHEN review_decided > 0 THEN ROUND(100.0 * review_corrected / review_decided, 2) END AS review_correction_rate,
       litigation_corrected, litigation_decided,
       CASE WHEN litigation_decided > 0 THEN ROUND(100.0 * litigation_corrected / litigation_decided, 2) END AS litigation_correction_rate
FROM sums
ORDER BY year;
