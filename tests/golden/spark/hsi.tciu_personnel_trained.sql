-- hsi.tciu_personnel_trained
SELECT
  fiscal_year AS fiscal_year,
  SUM(value) AS value,
  LISTAGG(DISTINCT submitted_by, '; ') AS submitted_by,
  MAX(submitted_on) AS submitted_on,
  LISTAGG(DISTINCT source, '; ') AS source
FROM submissions
WHERE
  metric = 'hsi.tciu_personnel_trained'
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;
