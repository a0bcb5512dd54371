-- opla.removal_hearings
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM opla_hearings
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;
