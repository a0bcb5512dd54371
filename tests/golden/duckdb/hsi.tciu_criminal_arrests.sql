-- hsi.tciu_criminal_arrests
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM hsi_arrests
WHERE
  (
    NOT tciu_country IS NULL
  )
GROUP BY
  fiscal_year
ORDER BY
  1;

-- hsi.tciu_criminal_arrests by tciu_country
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(tciu_country AS TEXT), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM hsi_arrests
WHERE
  (
    NOT tciu_country IS NULL
  )
GROUP BY
  fiscal_year,
  COALESCE(CAST(tciu_country AS TEXT), '(not recorded)')
ORDER BY
  1,
  2;
