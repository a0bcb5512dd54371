-- hsi.forensic_interviews
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM forensic_interviews
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;
