-- The figures of the ERO section, written by hand as an analyst fluent in DuckDB would:
-- one pass over each table into a small cube, distinct people once, the join once.
-- `{warehouse}` and `{methods}` are replaced by the benchmark runner with the
-- warehouse folder and the report's at-large apprehension methods table.
-- Output: metric, fiscal_year, breakdown, breakdown_value, value, prior_value.

CREATE VIEW arrests AS
SELECT * FROM read_parquet('{warehouse}/arrests/*/*.parquet', hive_partitioning = true)
WHERE duplicate_rule IS NULL;

CREATE VIEW charges AS
SELECT * FROM read_parquet('{warehouse}/charges/*/*.parquet', hive_partitioning = true);

CREATE VIEW removals AS
SELECT * FROM read_parquet('{warehouse}/removals/*/*.parquet', hive_partitioning = true)
WHERE duplicate_rule IS NULL;

CREATE TEMP TABLE at_large_methods AS
SELECT apprehension_method FROM read_csv('{methods}', header = true) WHERE at_large;

-- Arrests: one scan into a cube by year, area, criminality and month.
CREATE TEMP TABLE arrest_cube AS
SELECT
    fiscal_year,
    coalesce(aor, '(not recorded)') AS aor,
    coalesce(criminality, '(not recorded)') AS criminality,
    strftime(arrest_date, '%Y-%m') AS month,
    count(*) AS arrests,
    count(*) FILTER (WHERE apprehension_method IN (SELECT apprehension_method FROM at_large_methods)) AS at_large
FROM arrests
GROUP BY ALL;

-- People with a criminal history: deduplicate (year, area, person) once, then count.
CREATE TEMP TABLE criminal_people AS
SELECT DISTINCT fiscal_year, coalesce(aor, '(not recorded)') AS aor, person_id
FROM arrests
WHERE criminality IN ('convicted', 'pending');

-- Charges of arrests with a criminal history: the join done once.
CREATE TEMP TABLE charge_cube AS
SELECT c.fiscal_year, coalesce(c.charge_category, '(not recorded)') AS charge_category, count(*) AS charges
FROM charges AS c
JOIN arrests AS a USING (arrest_id)
WHERE a.criminality IN ('convicted', 'pending')
GROUP BY ALL;

-- Removals: one scan into a cube by year, country, criminality and month.
CREATE TEMP TABLE removal_cube AS
SELECT
    fiscal_year,
    coalesce(departure_country, '(not recorded)') AS departure_country,
    coalesce(criminality, '(not recorded)') AS criminality,
    strftime(departure_date, '%Y-%m') AS month,
    count(*) AS removals,
    count(*) FILTER (WHERE gang) AS gang,
    count(*) FILTER (WHERE kst) AS kst,
    count(*) FILTER (WHERE hrv) AS hrv
FROM removals
GROUP BY ALL;

CREATE TEMP TABLE years AS
SELECT DISTINCT fiscal_year FROM arrest_cube UNION SELECT DISTINCT fiscal_year FROM removal_cube;

CREATE TEMP TABLE counts AS
-- headline counts: every year, zero when nothing matched
SELECT 'ero.admin_arrests' AS metric, y.fiscal_year, '' AS breakdown, '' AS breakdown_value,
       coalesce(sum(arrests), 0) AS value
FROM years AS y LEFT JOIN arrest_cube USING (fiscal_year) GROUP BY ALL
UNION ALL
SELECT 'ero.at_large_arrests', y.fiscal_year, '', '', coalesce(sum(at_large), 0)
FROM years AS y LEFT JOIN arrest_cube USING (fiscal_year) GROUP BY ALL
UNION ALL
SELECT 'ero.arrests_criminal_history', y.fiscal_year, '', '', count(DISTINCT person_id)
FROM years AS y LEFT JOIN criminal_people USING (fiscal_year) GROUP BY ALL
UNION ALL
SELECT 'ero.charges_total', y.fiscal_year, '', '', coalesce(sum(charges), 0)
FROM years AS y LEFT JOIN charge_cube USING (fiscal_year) GROUP BY ALL
UNION ALL
SELECT 'ero.removals', y.fiscal_year, '', '', coalesce(sum(removals), 0)
FROM years AS y LEFT JOIN removal_cube USING (fiscal_year) GROUP BY ALL
UNION ALL
SELECT 'ero.removals_gang', y.fiscal_year, '', '', coalesce(sum(gang), 0)
FROM years AS y LEFT JOIN removal_cube USING (fiscal_year) GROUP BY ALL
UNION ALL
SELECT 'ero.removals_kst', y.fiscal_year, '', '', coalesce(sum(kst), 0)
FROM years AS y LEFT JOIN removal_cube USING (fiscal_year) GROUP BY ALL
UNION ALL
SELECT 'ero.removals_hrv', y.fiscal_year, '', '', coalesce(sum(hrv), 0)
FROM years AS y LEFT JOIN removal_cube USING (fiscal_year) GROUP BY ALL
-- breakdowns: only the categories that occur
UNION ALL
SELECT 'ero.admin_arrests', fiscal_year, 'aor', aor, sum(arrests) FROM arrest_cube GROUP BY ALL
UNION ALL
SELECT 'ero.admin_arrests', fiscal_year, 'criminality', criminality, sum(arrests) FROM arrest_cube GROUP BY ALL
UNION ALL
SELECT 'ero.admin_arrests', fiscal_year, 'month', month, sum(arrests) FROM arrest_cube GROUP BY ALL
UNION ALL
SELECT 'ero.at_large_arrests', fiscal_year, 'aor', aor, sum(at_large) FROM arrest_cube GROUP BY ALL
HAVING sum(at_large) > 0
UNION ALL
SELECT 'ero.arrests_criminal_history', fiscal_year, 'aor', aor, count(*) FROM criminal_people GROUP BY ALL
UNION ALL
SELECT 'ero.charges_total', fiscal_year, 'charge_category', charge_category, charges FROM charge_cube
UNION ALL
SELECT 'ero.removals', fiscal_year, 'departure_country', departure_country, sum(removals) FROM removal_cube GROUP BY ALL
UNION ALL
SELECT 'ero.removals', fiscal_year, 'criminality', criminality, sum(removals) FROM removal_cube GROUP BY ALL
UNION ALL
SELECT 'ero.removals', fiscal_year, 'month', month, sum(removals) FROM removal_cube GROUP BY ALL;

-- Shares and ratios, from the counts (a zero denominator gives no figure).
CREATE TEMP TABLE figures AS
SELECT * FROM counts
UNION ALL
SELECT 'ero.arrests_criminal_history_share', n.fiscal_year, n.breakdown, n.breakdown_value,
       100.0::DOUBLE * n.value / d.value
FROM counts AS n JOIN counts AS d USING (fiscal_year, breakdown, breakdown_value)
WHERE n.metric = 'ero.arrests_criminal_history' AND d.metric = 'ero.admin_arrests' AND d.value <> 0
UNION ALL
SELECT 'ero.charges_per_person', n.fiscal_year, '', '', n.value::DOUBLE / d.value
FROM counts AS n JOIN counts AS d USING (fiscal_year, breakdown, breakdown_value)
WHERE n.metric = 'ero.charges_total' AND d.metric = 'ero.arrests_criminal_history'
  AND n.breakdown = '' AND d.value <> 0;

SELECT metric, fiscal_year, breakdown, breakdown_value, value::DOUBLE AS value,
       CASE WHEN lag(fiscal_year) OVER w = fiscal_year - 1 THEN lag(value::DOUBLE) OVER w END AS prior_value
FROM figures
WINDOW w AS (PARTITION BY metric, breakdown, breakdown_value ORDER BY fiscal_year)
ORDER BY metric, fiscal_year, breakdown, breakdown_value;
