-- hsi.tciu_rounds_seized
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(SUM(quantity), 0) AS value
FROM seizures
WHERE
  (
    NOT tciu_country IS NULL AND commodity = 'ammunition_rounds'
  )
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;
