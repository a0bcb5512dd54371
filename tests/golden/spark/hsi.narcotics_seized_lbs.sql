-- hsi.narcotics_seized_lbs
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(SUM(quantity), 0) AS value
FROM seizures
WHERE
  (
    commodity = 'narcotics'
  )
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;

-- hsi.narcotics_seized_lbs by drug_type
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(drug_type AS STRING), '(not recorded)') AS breakdown_value,
  COALESCE(SUM(quantity), 0) AS value
FROM seizures
WHERE
  (
    commodity = 'narcotics'
  )
GROUP BY
  fiscal_year,
  COALESCE(CAST(drug_type AS STRING), '(not recorded)')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;
