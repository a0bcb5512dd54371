-- hsi.criminal_arrests
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM hsi_arrests
GROUP BY
  fiscal_year
ORDER BY
  1;

-- hsi.criminal_arrests by program_area
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(program_area AS TEXT), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM hsi_arrests
GROUP BY
  fiscal_year,
  COALESCE(CAST(program_area AS TEXT), '(not recorded)')
ORDER BY
  1,
  2;

-- hsi.criminal_arrests by month
SELECT
  fiscal_year AS fiscal_year,
  STRFTIME(arrest_date, '%Y-%m') AS breakdown_value,
  COUNT(*) AS value
FROM hsi_arrests
GROUP BY
  fiscal_year,
  STRFTIME(arrest_date, '%Y-%m')
ORDER BY
  1,
  2;
