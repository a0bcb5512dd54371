-- ero.arrests_criminal_history_share
WITH n AS (
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
    1
), d AS (
  SELECT
    fiscal_year AS fiscal_year,
    COUNT(*) AS value
  FROM arrests
  WHERE
    duplicate_rule IS NULL
  GROUP BY
    fiscal_year
  ORDER BY
    1
)
SELECT
  n.fiscal_year,
  100.0 * n.value / NULLIF(d.value, 0) AS value
FROM n
JOIN d
  ON n.fiscal_year = d.fiscal_year
ORDER BY
  n.fiscal_year;

-- ero.arrests_criminal_history_share by aor
WITH n AS (
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
    2
), d AS (
  SELECT
    fiscal_year AS fiscal_year,
    COALESCE(CAST(aor AS TEXT), '(not recorded)') AS breakdown_value,
    COUNT(*) AS value
  FROM arrests
  WHERE
    duplicate_rule IS NULL
  GROUP BY
    fiscal_year,
    COALESCE(CAST(aor AS TEXT), '(not recorded)')
  ORDER BY
    1,
    2
)
SELECT
  n.fiscal_year,
  n.breakdown_value,
  100.0 * n.value / NULLIF(d.value, 0) AS value
FROM n
JOIN d
  ON n.fiscal_year = d.fiscal_year AND n.breakdown_value = d.breakdown_value
ORDER BY
  n.fiscal_year,
  n.breakdown_value;
