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
  1;

-- ero.removals by departure_country
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(departure_country AS TEXT), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM removals
WHERE
  duplicate_rule IS NULL
GROUP BY
  fiscal_year,
  COALESCE(CAST(departure_country AS TEXT), '(not recorded)')
ORDER BY
  1,
  2;

-- ero.removals by criminality
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(criminality AS TEXT), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM removals
WHERE
  duplicate_rule IS NULL
GROUP BY
  fiscal_year,
  COALESCE(CAST(criminality AS TEXT), '(not recorded)')
ORDER BY
  1,
  2;

-- ero.removals by month
SELECT
  fiscal_year AS fiscal_year,
  STRFTIME(departure_date, '%Y-%m') AS breakdown_value,
  COUNT(*) AS value
FROM removals
WHERE
  duplicate_rule IS NULL
GROUP BY
  fiscal_year,
  STRFTIME(departure_date, '%Y-%m')
ORDER BY
  1,
  2;
