-- ero.average_daily_population
WITH n AS (
  SELECT
    fiscal_year AS fiscal_year,
    COALESCE(SUM(detained), 0) AS value
  FROM detention_headcount
  GROUP BY
    fiscal_year
  ORDER BY
    1 NULLS LAST
), d AS (
  SELECT
    fiscal_year AS fiscal_year,
    COUNT(DISTINCT day) AS value
  FROM detention_headcount
  GROUP BY
    fiscal_year
  ORDER BY
    1 NULLS LAST
)
SELECT
  n.fiscal_year,
  n.value / NULLIF(d.value, 0) AS value
FROM n
JOIN d
  ON n.fiscal_year = d.fiscal_year
ORDER BY
  n.fiscal_year NULLS LAST;
