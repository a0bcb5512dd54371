-- hsi.vap_minors_assisted
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM victims
WHERE
  (
    vap_assisted AND minor
  )
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;
