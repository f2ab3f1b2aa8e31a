-- title: Carry-over mismatches across years
-- description: S1: applications carried over into a year (上年结转) should equal those carried forward (结转下年度) in the same bureau's report of the year before; lists every pair that differs.
SELECT n.name AS bureau, prev.year AS previous_year, cur.year AS year,
       prev."carried_out.total" AS carried_forward_previous, cur."requests.carried_in.total" AS carried_in,
       cur."requests.carried_in.total" - prev."carried_out.total" AS difference
FROM report_measures cur
JOIN report_measures prev ON prev.body = cur.body AND prev.year = cur.year - 1
JOIN names n ON n.id = cur.body
WHERE cur."requests.carried_in.total" IS NOT prev."carried_out.total"
ORDER BY bureau, year;
