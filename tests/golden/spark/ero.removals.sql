-- ero.removals
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM removals
WHERE
  duplicate_rule IS NULL
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;

-- ero.removals by departure_country
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(departure_country AS STRING), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM removals
WHERE
  duplicate_rule IS NULL
GROUP BY
  fiscal_year,
  COALESCE(CAST(departure_country AS STRING), '(not recorded)')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;

-- ero.removals by criminality
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(criminality AS STRING), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM removals
WHERE
  duplicate_rule IS NULL
GROUP BY
  fiscal_year,
  COALESCE(CAST(criminality AS STRING), '(not recorded)')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;

-- ero.removals by month
SELECT
  fiscal_year AS fiscal_year,
  DATE_FORMAT(departure_date, 'yyyy-MM') AS breakdown_value,
  COUNT(*) AS value
FROM removals
WHERE
  duplicate_rule IS NULL
GROUP BY
  fiscal_year,
  DATE_FORMAT(departure_date, 'yyyy-MM')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;
