-- hsi.investigations_opened
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM investigations
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;

-- hsi.investigations_opened by program_area
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(program_area AS STRING), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM investigations
GROUP BY
  fiscal_year,
  COALESCE(CAST(program_area AS STRING), '(not recorded)')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;
