-- title: Correction rates by year
-- description: How often reconsiderations and lawsuits corrected the body: 结果纠正 against decided cases (维持 + 纠正 + 其他; 尚未审结 excluded), in percent, own-scope reports per year (NULL when nothing was decided).
-- param: from (default 1900): first year
-- param: to (default 2100): last year
WITH sums AS (
    SELECT r.year AS year,
           SUM(CASE WHEN k.key = 'review.corrected' THEN f.value END) AS review_corrected,
           SUM(CASE WHEN k.key IN ('review.upheld', 'review.corrected', 'review.other') THEN f.value END) AS review_decided,
           SUM(CASE WHEN k.key IN ('litigation.direct.corrected', 'litigation.after_review.corrected') THEN f.value END) AS litigation_corrected,
           SUM(CASE WHEN k.key IN ('litigation.direct.upheld', 'litigation.direct.corrected', 'litigation.direct.other',
                                      'litigation.after_review.upheld', 'litigation.after_review.corrected',
                                      'litigation.after_review.other') THEN f.value END) AS litigation_decided
    FROM reports r
    JOIN facts f ON f.report_id = r.id
    JOIN metrics k ON k.id = f.metric_id AND k.key IN ('review.upheld', 'review.corrected', 'review.other',
                      'litigation.direct.upheld', 'litigation.direct.corrected', 'litigation.direct.other',
                      'litigation.after_review.upheld', 'litigation.after_review.corrected', 'litigation.after_review.other')
    WHERE r.scope = 'own' AND r.year BETWEEN :from AND :to
    GROUP BY r.year
)
SELECT year, review_corrected, review_decided,
       CASE WHEN review_decided > 0 THEN ROUND(100.0 * review_corrected / review_decided, 2) END AS review_correction_rate,
       litigation_corrected, litigation_decided,
       CASE WHEN litigation_decided > 0 THEN ROUND(100.0 * litigation_corrected / litigation_decided, 2) END AS litigation_correction_rate
FROM sums
ORDER BY year;
