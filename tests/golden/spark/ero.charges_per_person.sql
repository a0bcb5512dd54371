-- ero.charges_per_person
WITH n AS (
  SELECT
    charges.fiscal_year AS fiscal_year,
    COUNT(*) AS value
  FROM charges
  JOIN arrests
    ON charges.arrest_id = arrests.arrest_id
  WHERE
    (
      arrests.criminality IN ('convicted', 'pending')
    )
    AND arrests.duplicate_rule IS NULL
  GROUP BY
    charges.fiscal_year
  ORDER BY
    1 NULLS LAST
), d AS (
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
    1 NULLS LAST
)
SELECT
  n.fiscal_year,
  n.value / NULLIF(d.value, 0) AS value
FROM n
JOIN d
  ON n.fiscal_year = d.fiscal_year
ORDER BY
  n.fiscal_year NULLS LAST;
