-- hsi.tciu_narcotics_seized_lbs
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(SUM(quantity), 0) AS value
FROM seizures
WHERE
  (
    NOT tciu_country IS NULL AND commodity IN ('narcotics', 'precursor_chemicals')
  )
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;
