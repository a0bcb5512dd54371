-- hsi.wat_criminal_arrests
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM hsi_arrests
WHERE
  (
    operation = 'without_a_trace'
  )
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;
