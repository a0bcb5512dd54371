-- opla.case_completions
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM opla_completions
GROUP BY
  fiscal_year
ORDER BY
  1 NULLS LAST;

-- opla.case_completions by outcome
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(outcome AS STRING), '(not recorded)') AS breakdown_value,
  COUNT(*) AS value
FROM opla_completions
GROUP BY
  fiscal_year,
  COALESCE(CAST(outcome AS STRING), '(not recorded)')
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST;
