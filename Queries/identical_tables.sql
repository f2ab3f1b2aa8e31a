-- title: Identical tables in consecutive years
-- description: Copy-paste suspicion: a bureau whose sections 三 and 四 hold exactly the same numbers in two consecutive years, not all zero.
WITH
-- Most pairs already differ in one of four totals: only the others are compared cell by cell.
candidates AS MATERIALIZED (
    SELECT cur.report_id AS cur_id, prev.report_id AS prev_id, n.name AS bureau, prev.year AS previous_year, cur.year AS year
    FROM report_measures cur
    JOIN report_measures prev ON prev.body = cur.body AND prev.year = cur.year - 1
    JOIN names n ON n.id = cur.body
    WHERE cur."requests.new.total" IS prev."requests.new.total" AND cur."outcome.total.total" IS prev."outcome.total.total"
      AND cur."review.total" IS prev."review.total" AND cur."carried_out.total" IS prev."carried_out.total"
),
compared AS MATERIALIZED (
    SELECT p.bureau, p.previous_year, p.year, m.key,
           (SELECT value FROM facts WHERE report_id = p.cur_id AND metric_id = m.id) AS a,
           (SELECT value FROM facts WHERE report_id = p.prev_id AND metric_id = m.id) AS b
    FROM candidates p JOIN metrics m ON m.section IN ('三', '四')
)
SELECT bureau, previous_year, year, COUNT(a) AS cells, SUM(a) AS total_of_cells
FROM compared
GROUP BY bureau, previous_year, year
HAVING COUNT(a) > 0 AND SUM(a IS NOT b) = 0 AND SUM(a) > 0
ORDER BY bureau, year;
