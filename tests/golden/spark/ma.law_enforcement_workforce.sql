-- ma.law_enforcement_workforce
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM workforce
WHERE
  (
    law_enforcement
  )
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;
