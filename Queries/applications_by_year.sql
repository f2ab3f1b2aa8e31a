-- title: Applications by year
-- description: Disclosure applications received, carried over, handled and carried forward (总计 column), summed over own-scope reports per year.
-- param: from (default 1900): first year
-- param: to (default 2100): last year
SELECT m.year AS year,
       SUM(m."requests.new.total") AS received,
       SUM(m."requests.carried_in.total") AS carried_in,
       SUM(m."outcome.total.total") AS handled,
       SUM(m."carried_out.total") AS carried_out,
       COUNT(*) AS reports
FROM report_measures m
WHERE m.own = 1 AND m.year BETWEEN :from AND :to
GROUP BY m.year
ORDER BY m.year;
