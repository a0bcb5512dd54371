-- ero.arrests_criminal_history
SELECT
  fiscal_year AS fiscal_year,
  COUNT(DISTINCT person_id) AS value
FROM arrests
WHERE
  (
    criminality IN ('convicted', 'pending')
  ) AND duplicate_rule IS NULL
GROUP BY
  fiscal_year
ORDER BY
  1;

-- ero.arrests_criminal_history by aor
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(aor AS TEXT), '(not recorded)') AS breakdown_value,
  COUNT(DISTINCT person_id) AS value
FROM arrests
WHERE
  (
    criminality IN ('convicted', 'pending')
  ) AND duplicate_rule IS NULL
GROUP BY
  fiscal_year,
  COALESCE(CAST(aor AS TEXT), '(not recorded)')
ORDER BY
  1,
  2;
