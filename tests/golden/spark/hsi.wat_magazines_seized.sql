-- hsi.wat_magazines_seized
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(SUM(quantity), 0) AS value
FROM seizures
WHERE
  (
    operation = 'without_a_trace' AND commodity = 'ammunition_magazines'
  )
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;
