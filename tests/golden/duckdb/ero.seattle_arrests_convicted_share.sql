-- ero.seattle_arrests_convicted_share
WITH n AS (
  SELECT
    fiscal_year AS fiscal_year,
    COALESCE(SUM(arrests), 0) AS value
  FROM arrest_counts
  WHERE
    (
      aor = 'Seattle Area of Responsibility' AND criminality = 'convicted'
    )
  GROUP BY
    fiscal_year
  ORDER BY
    1
), d AS (
  SELECT
    fiscal_year AS fiscal_year,
    COALESCE(SUM(arrests), 0) AS value
  FROM arrest_counts
  WHERE
    (
      aor = 'Seattle Area of Responsibility'
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
