-- ero.swb_deployed_employees
SELECT
  fiscal_year AS fiscal_year,
  COUNT(DISTINCT employee_id) AS value
FROM deployments
WHERE
  (
    office = 'ERO' AND destination = 'southwest_border'
  )
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;
