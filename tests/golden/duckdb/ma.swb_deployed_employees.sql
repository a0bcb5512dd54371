-- ma.swb_deployed_employees
SELECT
  fiscal_year AS fiscal_year,
  COUNT(DISTINCT employee_id) AS value
FROM deployments
WHERE
  (
    destination = 'southwest_border'
  )
GROUP BY
  fiscal_year
ORDER BY
  1;

-- ma.swb_deployed_employees by office
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(office AS TEXT), '(not recorded)') AS breakdown_value,
  COUNT(DISTINCT employee_id) AS value
FROM deployments
WHERE
  (
    destination = 'southwest_border'
  )
GROUP BY
  fiscal_year,
  COALESCE(CAST(office AS TEXT), '(not recorded)')
ORDER BY
  1,
  2;
