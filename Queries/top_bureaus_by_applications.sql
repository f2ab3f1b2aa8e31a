-- title: Top bureaus by applications
-- description: The bureaus that received the most disclosure applications (requests.new.total) in a year; year 0 means the latest year in the database.
-- param: year (default 0): report year, 0 for the latest
-- param: limit (default 10): how many bureaus
SELECT n.name AS bureau, m.year AS year, m."requests.new.total" AS applications
FROM report_measures m JOIN names n ON n.id = m.body
WHERE m.year = CASE WHEN :year = 0 THEN (SELECT MAX(year) FROM report_measures) ELSE :year END
  AND m."requests.new.total" IS NOT NULL
ORDER BY m."requests.new.total" DESC, n.name
LIMIT :limit;
