-- ero.seattle_arrests
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
  1;

-- ero.seattle_arrests by criminality
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(criminality AS TEXT), '(not recorded)') AS breakdown_value,
  COALESCE(SUM(arrests), 0) AS value
FROM arrest_counts
WHERE
  (
    aor = 'Seattle Area of Responsibility'
  )
GROUP BY
  fiscal_year,
  COALESCE(CAST(criminality AS TEXT), '(not recorded)')
ORDER BY
  1,
  2;

-- ero.seattle_arrests by month
SELECT
  fiscal_year AS fiscal_year,
  STRFTIME(month, '%Y-%m') AS breakdown_value,
  COALESCE(SUM(arrests), 0) AS value
FROM arrest_counts
WHERE
  (
    aor = 'Seattle Area of Responsibility'
  )
GROUP BY
  fiscal_year,
  STRFTIME(month, '%Y-%m')
ORDER BY
  1,
  2;
