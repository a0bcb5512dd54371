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
  1 NULLS LAST;

-- ero.seattle_arrests by criminality
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(criminality AS STRING), '(not recorded)') AS breakdown_value,
  COALESCE(SUM(arrests), 0) AS value
FROM arrest_counts
WHERE
  (
    aor = 'Seattle Area of Responsibility'
  )
GROUP BY
  fiscal_year,
  COALESCE(CAST(criminality AS STRING), '(not recorded)')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;

-- ero.seattle_arrests by month
SELECT
  fiscal_year AS fiscal_year,
  DATE_FORMAT(month, 'yyyy-MM') AS breakdown_value,
  COALESCE(SUM(arrests), 0) AS value
FROM arrest_counts
WHERE
  (
    aor = 'Seattle Area of Responsibility'
  )
GROUP BY
  fiscal_year,
  DATE_FORMAT(month, 'yyyy-MM')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;
