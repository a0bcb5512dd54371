-- hsi.wat_investigations
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM investigations
WHERE
  (
    operation = 'without_a_trace'
  )
GROUP BY
  fiscal_year
ORDER BY
  1;
