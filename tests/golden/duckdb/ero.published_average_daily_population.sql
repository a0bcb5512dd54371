-- ero.published_average_daily_population
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(SUM(value), 0) AS value
FROM published_figures
WHERE
  (
    metric = 'average_daily_detained_population'
  )
GROUP BY
  fiscal_year
ORDER BY
  1;
