-- ero.ferm_launched
SELECT
  fiscal_year AS fiscal_year,
  SUM(value) AS value,
  LISTAGG(DISTINCT submitted_by, '; ') AS submitted_by,
  MAX(submitted_on) AS submitted_on,
  LISTAGG(DISTINCT source, '; ') AS source
FROM submissions
WHERE
  metric = 'ero.ferm_launched'
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;

-- ero.ferm_launched by month
SELECT
  fiscal_year AS fiscal_year,
  DATE_FORMAT(as_of_date, 'yyyy-MM') AS breakdown_value,
  SUM(value) AS value,
  LISTAGG(DISTINCT submitted_by, '; ') AS submitted_by,
  MAX(submitted_on) AS submitted_on,
  LISTAGG(DISTINCT source, '; ') AS source
FROM submissions
WHERE
  metric = 'ero.ferm_launched'
GROUP BY
  fiscal_year,
  DATE_FORMAT(as_of_date, 'yyyy-MM')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;
