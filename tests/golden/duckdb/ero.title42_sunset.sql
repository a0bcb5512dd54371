-- ero.title42_sunset
SELECT
  fiscal_year AS fiscal_year,
  SUM(value) AS value,
  LISTAGG(DISTINCT submitted_by, '; ') AS submitted_by,
  MAX(submitted_on) AS submitted_on,
  LISTAGG(DISTINCT source, '; ') AS source
FROM submissions
WHERE
  metric = 'ero.title42_sunset'
GROUP BY
  fiscal_year
ORDER BY
  1;

-- ero.title42_sunset by month
SELECT
  fiscal_year AS fiscal_year,
  STRFTIME(as_of_date, '%Y-%m') AS breakdown_value,
  SUM(value) AS value,
  LISTAGG(DISTINCT submitted_by, '; ') AS submitted_by,
  MAX(submitted_on) AS submitted_on,
  LISTAGG(DISTINCT source, '; ') AS source
FROM submissions
WHERE
  metric = 'ero.title42_sunset'
GROUP BY
  fiscal_year,
  STRFTIME(as_of_date, '%Y-%m')
ORDER BY
  1,
  2;

-- ero.title42_sunset by item
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(item AS TEXT), '(not recorded)') AS breakdown_value,
  SUM(value) AS value,
  LISTAGG(DISTINCT submitted_by, '; ') AS submitted_by,
  MAX(submitted_on) AS submitted_on,
  LISTAGG(DISTINCT source, '; ') AS source
FROM submissions
WHERE
  metric = 'ero.title42_sunset'
GROUP BY
  fiscal_year,
  COALESCE(CAST(item AS TEXT), '(not recorded)')
ORDER BY
  1,
  2;
