-- title: Identical tables in consecutive years
-- description: Copy-paste suspicion: a bureau whose sections 三 and 四 hold exactly the same numbers in two consecutive years, not all zero.
WITH pairs AS (
    SELECT cur.id AS cur_id, prev.id AS prev_id, cur.canonical_bureau AS bureau, prev.year AS previous_year, cur.year AS year
    FROM reports cur
    JOIN reports prev ON prev.canonical_bureau = cur.canonical_bureau AND prev.year = cur.year - 1
),
-- Most pairs already differ in one of four totals: only the others are compared cell by cell.
candidates AS MATERIALIZED (
    SELECT p.* FROM pairs p
    WHERE NOT EXISTS (
        SELECT 1 FROM facts x LEFT JOIN facts y ON y.report_id = p.prev_id AND y.metric_id = x.metric_id
        WHERE x.report_id = p.cur_id
          AND x.metric_id IN (SELECT id FROM metrics WHERE key IN ('requests.new.total', 'outcome.total.total', 'review.total', 'carried_out.total'))
          AND x.value IS NOT y.value)
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
