-- ero.seattle_arrests_convicted
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
  1;
