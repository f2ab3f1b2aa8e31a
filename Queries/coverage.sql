-- title: Coverage
-- description: Which bureau-years are present, present with identity errors (flagged), or missing, for every bureau over the years from its first to its last report.
WITH RECURSIVE
bounds AS (SELECT canonical_bureau AS bureau, MIN(year) AS first, MAX(year) AS last FROM reports GROUP BY canonical_bureau),
years(bureau, year, last) AS (
    SELECT bureau, first, last FROM bounds
    UNION ALL SELECT bureau, year + 1, last FROM years WHERE year < last
)
SELECT y.bureau AS bureau, y.year AS year,
       CASE WHEN r.id IS NULL THEN 'missing'
            WHEN (SELECT COUNT(*) FROM findings x WHERE x.report_id = r.id AND x.severity = 'error') > 0 THEN 'flagged'
            ELSE 'present' END AS status,
       r.template AS template,
       (SELECT COUNT(*) FROM findings x WHERE x.report_id = r.id AND x.severity = 'error') AS errors,
       (SELECT COUNT(*) FROM findings x WHERE x.report_id = r.id AND x.severity = 'warning') AS warnings
FROM years y
LEFT JOIN reports r ON r.canonical_bureau = y.bureau AND r.year = y.year
ORDER BY y.bureau, y.year;
