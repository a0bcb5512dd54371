-- hsi.investigations_opened
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM investigations
GROUP BY
  fiscal_year
ORDER BY
  1;

-- hsi.investigations_opened by program_area
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(program_area AS TEXT), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM investigations
GROUP BY
  fiscal_year,
  COALESCE(CAST(program_area AS TEXT), '(not recorded)')
ORDER BY
  1,
  2;
