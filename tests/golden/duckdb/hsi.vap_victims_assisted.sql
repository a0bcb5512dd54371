-- hsi.vap_victims_assisted
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM victims
WHERE
  (
    vap_assisted
  )
GROUP BY
  fiscal_year
ORDER BY
  1;
