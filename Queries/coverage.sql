-- title: Coverage
-- description: Which bureau-years are present, present with identity errors (flagged), or missing, for every bureau over the years from its first to its last report.
WITH RECURSIVE
bounds AS (SELECT body, MIN(year) AS first, MAX(year) AS last FROM report_measures GROUP BY body),
years(body, year, last) AS (
    SELECT body, first, last FROM bounds
    UNION ALL SELECT body, year + 1, last FROM years WHERE year < last
),
-- Findings counted once per report, not looked up report by report.
counts AS (
    SELECT report_id, SUM(severity = 'error') AS errors, SUM(severity = 'warning') AS warnings
    FROM findings GROUP BY report_id
)
SELECT n.name AS bureau, y.year AS year,
       CASE WHEN m.report_id IS NULL THEN 'missing'
            WHEN c.errors > 0 THEN 'flagged'
            ELSE 'present' END AS status,
       m.template AS template,
       COALESCE(c.errors, 0) AS errors,
       COALESCE(c.warnings, 0) AS warnings
FROM years y
JOIN names n ON n.id = y.body
LEFT JOIN report_measures m ON m.body = y.body AND m.year = y.year
LEFT JOIN counts c ON c.report_id = m.report_id
ORDER BY bureau, y.year;
