-- opla.removal_orders
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM opla_completions
WHERE
  (
    outcome = 'removal_order'
  )
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;
