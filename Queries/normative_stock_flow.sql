-- title: Normative-document stock and flow
-- description: S2 (V2021): 行政规范性文件 in force this year should be about those in force last year plus issued minus repealed this year; lists the bureau-years where it does not hold (amendments and re-codification break it, so this is a warning, not an error).
SELECT n.name AS bureau, cur.year AS year,
       prev."proactive.normative_doc.in_force" AS in_force_previous,
       cur."proactive.normative_doc.issued" AS issued, cur."proactive.normative_doc.repealed" AS repealed,
       cur."proactive.normative_doc.in_force" AS in_force,
       cur."proactive.normative_doc.in_force"
         - (prev."proactive.normative_doc.in_force" + cur."proactive.normative_doc.issued" - cur."proactive.normative_doc.repealed") AS difference
FROM report_measures cur
JOIN report_measures prev ON prev.body = cur.body AND prev.year = cur.year - 1
JOIN names n ON n.id = cur.body
WHERE cur.template = 'V2021' AND prev.template = 'V2021'
  AND cur."proactive.normative_doc.in_force" IS NOT
      prev."proactive.normative_doc.in_force" + cur."proactive.normative_doc.issued" - cur."proactive.normative_doc.repealed"
ORDER BY bureau, year;
