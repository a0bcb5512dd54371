-- hsi.human_trafficking_victims_assisted
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) AS value
FROM victims
WHERE
  (
    victim_type = 'human_trafficking' AND vap_assisted
  )
GROUP BY
  fiscal_year
ORDER BY
  1;
