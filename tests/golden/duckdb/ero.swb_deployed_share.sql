-- ero.swb_deployed_share
WITH n AS (
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
    1
), d AS (
  SELECT
    fiscal_year AS fiscal_year,
    COUNT(*) AS value
  FROM workforce
  WHERE
    (
      office = 'ERO'
    )
  GROUP BY
    fiscal_year
  ORDER BY
    1
)
SELECT
  n.fiscal_year,
  100.0 * n.value / NULLIF(d.value, 0) AS value
FROM n
JOIN d
  ON n.fiscal_year = d.fiscal_year
ORDER BY
  n.fiscal_year;
