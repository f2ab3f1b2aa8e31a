-- title: Findings summary
-- description: How many findings of each rule and severity the database holds, in how many reports.
SELECT severity, rule, COUNT(*) AS findings, COUNT(DISTINCT report_id) AS reports
FROM findings
GROUP BY severity, rule
ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, findings DESC, rule;
