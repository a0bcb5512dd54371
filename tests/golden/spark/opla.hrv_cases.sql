-- opla.hrv_cases
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM opla_caseload
WHERE
  (
    program = 'human_rights_violator'
  )
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;
