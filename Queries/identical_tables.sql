-- title: Identical tables in consecutive years
-- description: Copy-paste suspicion: a bureau whose sections 三 and 四 hold exactly the same numbers in two consecutive years, not all zero.
SELECT cur.canonical_bureau AS bureau, prev.year AS previous_year, cur.year AS year,
       COUNT(*) AS cells, SUM(a.value) AS total_of_cells
FROM reports cur
JOIN reports prev ON prev.canonical_bureau = cur.canonical_bureau AND prev.year = cur.year - 1
JOIN facts a ON a.report_id = cur.id
JOIN facts b ON b.report_id = prev.id AND b.metric = a.metric
JOIN metrics m ON m.key = a.metric AND m.section IN ('三', '四')
GROUP BY cur.id, prev.id
HAVING SUM(a.value IS NOT b.value) = 0 AND SUM(a.value) > 0
ORDER BY bureau, year;
