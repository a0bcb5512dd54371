-- ma.workforce
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM workforce
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;

-- ma.workforce by office
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(office AS STRING), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM workforce
GROUP BY
  fiscal_year,
  COALESCE(CAST(office AS STRING), '(not recorded)')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;
