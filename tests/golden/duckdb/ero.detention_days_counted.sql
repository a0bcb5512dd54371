-- ero.detention_days_counted
SELECT
  fiscal_year AS fiscal_year,
  COUNT(DISTINCT day) AS value
FROM detention_headcount
GROUP BY
  fiscal_year
ORDER BY
  1;
