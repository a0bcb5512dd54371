-- ero.atd_furi_launched
SELECT
  fiscal_year AS fiscal_year,
  SUM(value) AS value,
  LISTAGG(DISTINCT submitted_by, '; ') AS submitted_by,
  MAX(submitted_on) AS submitted_on,
  LISTAGG(DISTINCT source, '; ') AS source
FROM submissions
WHERE
  metric = 'ero.atd_furi_launched'
GROUP BY
  fiscal_year
ORDER BY
  1;

-- ero.atd_furi_launched by month
SELECT
  fiscal_year AS fiscal_year,
  STRFTIME(as_of_date, '%Y-%m') AS breakdown_value,
  SUM(value) AS value,
  LISTAGG(DISTINCT submitted_by, '; ') AS submitted_by,
  MAX(submitted_on) AS submitted_on,
  LISTAGG(DISTINCT source, '; ') AS source
FROM submissions
WHERE
  metric = 'ero.atd_furi_launched'
GROUP BY
  fiscal_year,
  STRFTIME(as_of_date, '%Y-%m')
ORDER BY
  1,
  2;
