-- title: Top bureaus by applications
-- description: The bureaus that received the most disclosure applications (requests.new.total) in a year; year 0 means the latest year in the database.
-- param: year (default 0): report year, 0 for the latest
-- param: limit (default 10): how many bureaus
SELECT r.canonical_bureau AS bureau, r.year AS year, f.value AS applications
FROM reports r
JOIN facts f ON f.report_id = r.id AND f.metric_id = (SELECT id FROM metrics WHERE key = 'requests.new.total')
WHERE r.year = CASE WHEN :year = 0 THEN (SELECT MAX(year) FROM reports) ELSE :year END
  AND f.value IS NOT NULL
ORDER BY f.value DESC, r.canonical_bureau
LIMIT :limit;
