-- title: Disclosure rate by bureau
-- description: Per bureau and year, applications granted in full or in part (予以公开 + 部分公开) against applications handled (（七）总计), and the rate in percent (NULL when nothing was handled).
-- param: from (default 1900): first year
-- param: to (default 2100): last year
WITH parts AS (
    SELECT n.name AS bureau, m.year AS year,
           CASE WHEN m."outcome.granted.total" IS NOT NULL OR m."outcome.partial.total" IS NOT NULL
                THEN COALESCE(m."outcome.granted.total", 0) + COALESCE(m."outcome.partial.total", 0) END AS granted,
           m."outcome.total.total" AS handled
    FROM report_measures m JOIN names n ON n.id = m.body
    WHERE m.year BETWEEN :from AND :to
)
SELECT bureau, year, granted, handled,
       CASE WHEN handled > 0 THEN ROUND(100.0 * granted / handled, 2) END AS disclosure_rate
FROM parts
ORDER BY bureau, year;
