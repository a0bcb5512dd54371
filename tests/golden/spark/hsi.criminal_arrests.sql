-- hsi.criminal_arrests
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM hsi_arrests
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;

-- hsi.criminal_arrests by program_area
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(program_area AS STRING), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM hsi_arrests
GROUP BY
  fiscal_year,
  COALESCE(CAST(program_area AS STRING), '(not recorded)')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;

-- hsi.criminal_arrests by month
SELECT
  fiscal_year AS fiscal_year,
  DATE_FORMAT(arrest_date, 'yyyy-MM') AS breakdown_value,
  COUNT(*) AS value
FROM hsi_arrests
GROUP BY
  fiscal_year,
  DATE_FORMAT(arrest_date, 'yyyy-MM')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;
