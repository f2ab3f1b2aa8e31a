-- title: Carry-over mismatches across years
-- description: S1: applications carried over into a year (上年结转) should equal those carried forward (结转下年度) in the same bureau's report of the year before; lists every pair that differs.
SELECT cur.canonical_bureau AS bureau, prev.year AS previous_year, cur.year AS year,
       fwd.value AS carried_forward_previous, inn.value AS carried_in,
       inn.value - fwd.value AS difference
FROM reports cur
JOIN reports prev ON prev.canonical_bureau = cur.canonical_bureau AND prev.year = cur.year - 1
JOIN facts inn ON inn.report_id = cur.id AND inn.metric_id = (SELECT id FROM metrics WHERE key = 'requests.carried_in.total')
JOIN facts fwd ON fwd.report_id = prev.id AND fwd.metric_id = (SELECT id FROM metrics WHERE key = 'carried_out.total')
WHERE inn.value IS NOT fwd.value
ORDER BY bureau, year;
