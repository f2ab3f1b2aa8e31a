-- title: Normative-document stock and flow
-- description: S2 (V2021): 行政规范性文件 in force this year should be about those in force last year plus issued minus repealed this year; lists the bureau-years where it does not hold (amendments and re-codification break it, so this is a warning, not an error).
SELECT cur.canonical_bureau AS bureau, cur.year AS year,
       prev_force.value AS in_force_previous, issued.value AS issued, repealed.value AS repealed,
       force.value AS in_force,
       force.value - (prev_force.value + issued.value - repealed.value) AS difference
FROM reports cur
JOIN reports prev ON prev.canonical_bureau = cur.canonical_bureau AND prev.year = cur.year - 1
JOIN facts force ON force.report_id = cur.id AND force.metric_id = (SELECT id FROM metrics WHERE key = 'proactive.normative_doc.in_force')
JOIN facts issued ON issued.report_id = cur.id AND issued.metric_id = (SELECT id FROM metrics WHERE key = 'proactive.normative_doc.issued')
JOIN facts repealed ON repealed.report_id = cur.id AND repealed.metric_id = (SELECT id FROM metrics WHERE key = 'proactive.normative_doc.repealed')
JOIN facts prev_force ON prev_force.report_id = prev.id AND prev_force.metric_id = (SELECT id FROM metrics WHERE key = 'proactive.normative_doc.in_force')
WHERE cur.template = 'V2021' AND prev.template = 'V2021'
  AND force.value IS NOT prev_force.value + issued.value - repealed.value
ORDER BY bureau, year;
