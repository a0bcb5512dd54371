-- ma.workforce
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM workforce
GROUP BY
  fiscal_year
ORDER BY
  1;

-- ma.workforce by office
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(office AS TEXT), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM workforce
GROUP BY
  fiscal_year,
  COALESCE(CAST(office AS TEXT), '(not recorded)')
ORDER BY
  1,
  2;
