-- opla.relief_orders
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM opla_completions
WHERE
  (
    outcome = 'relief_granted'
  )
GROUP BY
  fiscal_year
ORDER BY
  1;
