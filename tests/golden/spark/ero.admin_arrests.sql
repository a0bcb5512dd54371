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
  1 NULLS LAST;

-- ero.admin_arrests by aor
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(aor AS STRING), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM arrests
WHERE
  duplicate_rule IS NULL
GROUP BY
  fiscal_year,
  COALESCE(CAST(aor AS STRING), '(not recorded)')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;

-- ero.admin_arrests by criminality
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(criminality AS STRING), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM arrests
WHERE
  duplicate_rule IS NULL
GROUP BY
  fiscal_year,
  COALESCE(CAST(criminality AS STRING), '(not recorded)')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;

-- ero.admin_arrests by month
SELECT
  fiscal_year AS fiscal_year,
  DATE_FORMAT(arrest_date, 'yyyy-MM') AS breakdown_value,
  COUNT(*) AS value
FROM arrests
WHERE
  duplicate_rule IS NULL
GROUP BY
  fiscal_year,
  DATE_FORMAT(arrest_date, 'yyyy-MM')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;
