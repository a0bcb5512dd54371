-- hsi.currency_assets_seized_usd
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(SUM(quantity), 0) AS value
FROM seizures
WHERE
  (
    commodity = 'currency_assets'
  )
GROUP BY
  fiscal_year
ORDER BY
  1;
