-- opla.pd_dismissals
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM opla_completions
WHERE
  (
    outcome = 'pd_dismissal'
  )
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;
