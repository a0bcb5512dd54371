-- ero.removals_hrv
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM removals
WHERE
  (
    hrv
  ) AND duplicate_rule IS NULL
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;
