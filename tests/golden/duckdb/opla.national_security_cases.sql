-- opla.national_security_cases
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM opla_caseload
WHERE
  (
    program = 'national_security'
  )
GROUP BY
  fiscal_year
ORDER BY
  1;
