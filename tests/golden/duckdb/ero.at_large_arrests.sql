-- ero.at_large_arrests
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM arrests
WHERE
  (
    apprehension_method IN (
      SELECT
        apprehension_method
      FROM apprehension_methods
      WHERE
        at_large
    )
  )
  AND duplicate_rule IS NULL
GROUP BY
  fiscal_year
ORDER BY
  1;

-- ero.at_large_arrests by aor
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(aor AS TEXT), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM arrests
WHERE
  (
    apprehension_method IN (
      SELECT
        apprehension_method
      FROM apprehension_methods
      WHERE
        at_large
    )
  )
  AND duplicate_rule IS NULL
GROUP BY
  fiscal_year,
  COALESCE(CAST(aor AS TEXT), '(not recorded)')
ORDER BY
  1,
  2;
