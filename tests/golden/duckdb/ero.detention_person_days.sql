-- ero.detention_person_days
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(SUM(detained), 0) AS value
FROM detention_headcount
GROUP BY
  fiscal_year
ORDER BY
  1;
