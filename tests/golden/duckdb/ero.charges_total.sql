-- ero.charges_total
SELECT
  charges.fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM charges
JOIN arrests
  ON charges.arrest_id = arrests.arrest_id
WHERE
  (
    arrests.criminality IN ('convicted', 'pending')
  )
  AND arrests.duplicate_rule IS NULL
GROUP BY
  charges.fiscal_year
ORDER BY
  1;

-- ero.charges_total by charge_category
SELECT
  charges.fiscal_year AS fiscal_year,
  COALESCE(CAST(charges.charge_category AS TEXT), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM charges
JOIN arrests
  ON charges.arrest_id = arrests.arrest_id
WHERE
  (
    arrests.criminality IN ('convicted', 'pending')
  )
  AND arrests.duplicate_rule IS NULL
GROUP BY
  charges.fiscal_year,
  COALESCE(CAST(charges.charge_category AS TEXT), '(not recorded)')
ORDER BY
  1,
  2;
