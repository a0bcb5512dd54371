-- opr.workforce
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM workforce
WHERE
  (
    office = 'OPR'
  )
GROUP BY
  fiscal_year
ORDER BY
  1;
