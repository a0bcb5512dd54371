-- hsi.ondcp_awards_won
SELECT
  fiscal_year AS fiscal_year,
  SUM(value) AS value,
  LISTAGG(DISTINCT submitted_by, '; ') AS submitted_by,
  MAX(submitted_on) AS submitted_on,
  LISTAGG(DISTINCT source, '; ') AS source
FROM submissions
WHERE
  metric = 'hsi.ondcp_awards_won'
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;

-- hsi.ondcp_awards_won by item
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(item AS STRING), '(not recorded)') AS breakdown_value,
  SUM(value) AS value,
  LISTAGG(DISTINCT submitted_by, '; ') AS submitted_by,
  MAX(submitted_on) AS submitted_on,
  LISTAGG(DISTINCT source, '; ') AS source
FROM submissions
WHERE
  metric = 'hsi.ondcp_awards_won'
GROUP BY
  fiscal_year,
  COALESCE(CAST(item AS STRING), '(not recorded)')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;
