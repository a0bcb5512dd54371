-- hsi.virtual_currency_seized_usd
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(SUM(quantity), 0) AS value
FROM seizures
WHERE
  (
    commodity = 'virtual_currency'
  )
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;
