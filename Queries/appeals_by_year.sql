-- title: Appeals by year
-- description: Administrative reconsiderations (行政复议) and lawsuits (行政诉讼, both branches) about disclosure, and how many corrected the body, summed over own-scope reports per year.
-- param: from (default 1900): first year
-- param: to (default 2100): last year
SELECT m.year AS year,
       SUM(m."review.total") AS reviews,
       SUM(m."review.corrected") AS reviews_corrected,
       CASE WHEN COUNT(m."litigation.direct.total") + COUNT(m."litigation.after_review.total") > 0 THEN COALESCE(SUM(m."litigation.direct.total"), 0) + COALESCE(SUM(m."litigation.after_review.total"), 0) END AS lawsuits,
       CASE WHEN COUNT(m."litigation.direct.corrected") + COUNT(m."litigation.after_review.corrected") > 0 THEN COALESCE(SUM(m."litigation.direct.corrected"), 0) + COALESCE(SUM(m."litigation.after_review.corrected"), 0) END AS lawsuits_corrected,
       COUNT(*) AS reports
FROM report_measures m
WHERE m.own = 1 AND m.year BETWEEN :from AND :to
GROUP BY m.year
ORDER BY m.year;
