-- ero.admin_arrests
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM arrests
WHERE
  duplicate_rule IS NULL
GROUP BY
  fiscal_year
ORDER BY
  1;

-- ero.admin_arrests by aor
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(aor AS TEXT), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM arrests
WHERE
  duplicate_rule IS NULL
GROUP BY
  fiscal_year,
  COALESCE(CAST(aor AS TEXT), '(not recorded)')
ORDER BY
  1,
  2;

-- ero.admin_arrests by criminality
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(criminality AS TEXT), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM arrests
WHERE
  duplicate_rule IS NULL
GROUP BY
  fiscal_year,
  COALESCE(CAST(criminality AS TEXT), '(not recorded)')
ORDER BY
  1,
  2;

-- ero.admin_arrests by month
SELECT
  fiscal_year AS fiscal_year,
  STRFTIME(arrest_date, '%Y-%m') AS breakdown_value,
  COUNT(*) AS value
FROM arrests
WHERE
  duplicate_rule IS NULL
GROUP BY
  fiscal_year,
  STRFTIME(arrest_date, '%Y-%m')
ORDER BY
  1,
  2;
