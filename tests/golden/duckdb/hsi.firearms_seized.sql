-- hsi.firearms_seized
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(SUM(quantity), 0) AS value
FROM seizures
WHERE
  (
    commodity = 'firearms'
  )
GROUP BY
  fiscal_year
ORDER BY
  1;
