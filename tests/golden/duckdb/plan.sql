-- ero.detention_person_days
SELECT
  fiscal_year,
  '' AS breakdown,
  '' AS breakdown_value,
  SUM("ero.detention_person_days") AS "ero.detention_person_days"
FROM (
  SELECT
    fiscal_year AS fiscal_year,
    COALESCE(SUM(detained), 0) AS "ero.detention_person_days"
  FROM detention_headcount
  GROUP BY
    fiscal_year
) AS cube
GROUP BY
  fiscal_year;

-- ero.published_average_daily_population
SELECT
  fiscal_year,
  '' AS breakdown,
  '' AS breakdown_value,
  SUM("ero.published_average_daily_population") AS "ero.published_average_daily_population"
FROM (
  SELECT
    fiscal_year AS fiscal_year,
    COALESCE(
      SUM(value) FILTER(WHERE
        (
          metric = 'average_daily_detained_population'
        )),
      0
    ) AS "ero.published_average_daily_population"
  FROM published_figures
  WHERE
    (
      metric = 'average_daily_detained_population'
    )
  GROUP BY
    fiscal_year
) AS cube
GROUP BY
  fiscal_year;

-- ero.seattle_arrests, ero.seattle_arrests_convicted
SELECT
  fiscal_year,
  CASE
    WHEN GROUPING(b0) = 0
    THEN 'criminality'
    WHEN GROUPING(b1) = 0
    THEN 'month'
    ELSE ''
  END AS breakdown,
  COALESCE(b0, b1, '') AS breakdown_value,
  SUM("ero.seattle_arrests") AS "ero.seattle_arrests",
  SUM("ero.seattle_arrests_convicted") AS "ero.seattle_arrests_convicted"
FROM (
  SELECT
    fiscal_year AS fiscal_year,
    COALESCE(CAST(criminality AS TEXT), '(not recorded)') AS b0,
    STRFTIME(month, '%Y-%m') AS b1,
    COALESCE(SUM(arrests) FILTER(WHERE
      (
        aor = 'Seattle Area of Responsibility'
      )), 0) AS "ero.seattle_arrests",
    COALESCE(
      SUM(arrests) FILTER(WHERE
        (
          aor = 'Seattle Area of Responsibility' AND criminality = 'convicted'
        )),
      0
    ) AS "ero.seattle_arrests_convicted"
  FROM arrest_counts
  GROUP BY
    fiscal_year,
    COALESCE(CAST(criminality AS TEXT), '(not recorded)'),
    STRFTIME(month, '%Y-%m')
) AS cube
GROUP BY
  GROUPING SETS (
    (
      fiscal_year
    ),
    (fiscal_year, b0),
    (fiscal_year, b1)
  );

-- ero.admin_arrests, ero.at_large_arrests
SELECT
  fiscal_year,
  CASE
    WHEN GROUPING(b0) = 0
    THEN 'aor'
    WHEN GROUPING(b1) = 0
    THEN 'criminality'
    WHEN GROUPING(b2) = 0
    THEN 'month'
    ELSE ''
  END AS breakdown,
  COALESCE(b0, b1, b2, '') AS breakdown_value,
  SUM("ero.admin_arrests") AS "ero.admin_arrests",
  SUM("ero.at_large_arrests") AS "ero.at_large_arrests"
FROM (
  SELECT
    fiscal_year AS fiscal_year,
    COALESCE(CAST(aor AS TEXT), '(not recorded)') AS b0,
    COALESCE(CAST(criminality AS TEXT), '(not recorded)') AS b1,
    STRFTIME(arrest_date, '%Y-%m') AS b2,
    COUNT(*) FILTER(WHERE
      duplicate_rule IS NULL) AS "ero.admin_arrests",
    COUNT(*) FILTER(WHERE
      (
        apprehension_method IN (
          SELECT
            apprehension_method
          FROM apprehension_methods
          WHERE
            at_large
        )
      )
      AND duplicate_rule IS NULL) AS "ero.at_large_arrests"
  FROM arrests
  WHERE
    (
      duplicate_rule IS NULL
    )
  GROUP BY
    fiscal_year,
    COALESCE(CAST(aor AS TEXT), '(not recorded)'),
    COALESCE(CAST(criminality AS TEXT), '(not recorded)'),
    STRFTIME(arrest_date, '%Y-%m')
) AS cube
GROUP BY
  GROUPING SETS (
    (
      fiscal_year
    ),
    (fiscal_year, b0),
    (fiscal_year, b1),
    (fiscal_year, b2)
  );

-- ero.charges_total
SELECT
  fiscal_year,
  CASE WHEN GROUPING(b0) = 0 THEN 'charge_category' ELSE '' END AS breakdown,
  COALESCE(b0, '') AS breakdown_value,
  SUM("ero.charges_total") AS "ero.charges_total"
FROM (
  SELECT
    charges.fiscal_year AS fiscal_year,
    COALESCE(CAST(charges.charge_category AS TEXT), '(not recorded)') AS b0,
    COUNT(*) FILTER(WHERE
      (
        arrests.criminality IN ('convicted', 'pending')
      )
      AND arrests.duplicate_rule IS NULL) AS "ero.charges_total"
  FROM charges
  JOIN arrests
    ON charges.arrest_id = arrests.arrest_id
  WHERE
    (
      arrests.criminality IN ('convicted', 'pending')
    )
    AND (
      arrests.duplicate_rule IS NULL
    )
  GROUP BY
    charges.fiscal_year,
    COALESCE(CAST(charges.charge_category AS TEXT), '(not recorded)')
) AS cube
GROUP BY
  GROUPING SETS (
    (
      fiscal_year
    ),
    (fiscal_year, b0)
  );

-- ero.removals, ero.removals_gang, ero.removals_kst, ero.removals_hrv
SELECT
  fiscal_year,
  CASE
    WHEN GROUPING(b0) = 0
    THEN 'departure_country'
    WHEN GROUPING(b1) = 0
    THEN 'criminality'
    WHEN GROUPING(b2) = 0
    THEN 'month'
    ELSE ''
  END AS breakdown,
  COALESCE(b0, b1, b2, '') AS breakdown_value,
  SUM("ero.removals") AS "ero.removals",
  SUM("ero.removals_gang") AS "ero.removals_gang",
  SUM("ero.removals_kst") AS "ero.removals_kst",
  SUM("ero.removals_hrv") AS "ero.removals_hrv"
FROM (
  SELECT
    fiscal_year AS fiscal_year,
    COALESCE(CAST(departure_country AS TEXT), '(not recorded)') AS b0,
    COALESCE(CAST(criminality AS TEXT), '(not recorded)') AS b1,
    STRFTIME(departure_date, '%Y-%m') AS b2,
    COUNT(*) FILTER(WHERE
      duplicate_rule IS NULL) AS "ero.removals",
    COUNT(*) FILTER(WHERE
      (
        gang
      ) AND duplicate_rule IS NULL) AS "ero.removals_gang",
    COUNT(*) FILTER(WHERE
      (
        kst
      ) AND duplicate_rule IS NULL) AS "ero.removals_kst",
    COUNT(*) FILTER(WHERE
      (
        hrv
      ) AND duplicate_rule IS NULL) AS "ero.removals_hrv"
  FROM removals
  WHERE
    (
      duplicate_rule IS NULL
    )
  GROUP BY
    fiscal_year,
    COALESCE(CAST(departure_country AS TEXT), '(not recorded)'),
    COALESCE(CAST(criminality AS TEXT), '(not recorded)'),
    STRFTIME(departure_date, '%Y-%m')
) AS cube
GROUP BY
  GROUPING SETS (
    (
      fiscal_year
    ),
    (fiscal_year, b0),
    (fiscal_year, b1),
    (fiscal_year, b2)
  );

-- ero.workforce, ma.workforce, ma.law_enforcement_workforce, opr.workforce
SELECT
  fiscal_year,
  CASE WHEN GROUPING(b0) = 0 THEN 'office' ELSE '' END AS breakdown,
  COALESCE(b0, '') AS breakdown_value,
  SUM("ero.workforce") AS "ero.workforce",
  SUM("ma.workforce") AS "ma.workforce",
  SUM("ma.law_enforcement_workforce") AS "ma.law_enforcement_workforce",
  SUM("opr.workforce") AS "opr.workforce"
FROM (
  SELECT
    fiscal_year AS fiscal_year,
    COALESCE(CAST(office AS TEXT), '(not recorded)') AS b0,
    COUNT(*) FILTER(WHERE
      (
        office = 'ERO'
      )) AS "ero.workforce",
    COUNT(*) AS "ma.workforce",
    COUNT(*) FILTER(WHERE
      (
        law_enforcement
      )) AS "ma.law_enforcement_workforce",
    COUNT(*) FILTER(WHERE
      (
        office = 'OPR'
      )) AS "opr.workforce"
  FROM workforce
  GROUP BY
    fiscal_year,
    COALESCE(CAST(office AS TEXT), '(not recorded)')
) AS cube
GROUP BY
  GROUPING SETS (
    (
      fiscal_year
    ),
    (fiscal_year, b0)
  );

-- ero.ferm_launched, ero.atd_furi_launched, ero.title42_sunset, hsi.opioid_strategy_goals, hsi.ondcp_awards_won, hsi.ondcp_award_categories, hsi.tciu_partner_countries, hsi.tciu_new_partner_countries, hsi.tciu_personnel_trained, hsi.tciu_training_countries, hsi.ccht_legislative_results, opr.program_offices
SELECT
  fiscal_year,
  CASE WHEN GROUPING(b0) = 0 THEN 'month' WHEN GROUPING(b1) = 0 THEN 'item' ELSE '' END AS breakdown,
  COALESCE(b0, b1, '') AS breakdown_value,
  SUM("ero.ferm_launched") AS "ero.ferm_launched",
  SUM("ero.atd_furi_launched") AS "ero.atd_furi_launched",
  SUM("ero.title42_sunset") AS "ero.title42_sunset",
  SUM("hsi.opioid_strategy_goals") AS "hsi.opioid_strategy_goals",
  SUM("hsi.ondcp_awards_won") AS "hsi.ondcp_awards_won",
  SUM("hsi.ondcp_award_categories") AS "hsi.ondcp_award_categories",
  SUM("hsi.tciu_partner_countries") AS "hsi.tciu_partner_countries",
  SUM("hsi.tciu_new_partner_countries") AS "hsi.tciu_new_partner_countries",
  SUM("hsi.tciu_personnel_trained") AS "hsi.tciu_personnel_trained",
  SUM("hsi.tciu_training_countries") AS "hsi.tciu_training_countries",
  SUM("hsi.ccht_legislative_results") AS "hsi.ccht_legislative_results",
  SUM("opr.program_offices") AS "opr.program_offices"
FROM (
  SELECT
    fiscal_year AS fiscal_year,
    STRFTIME(as_of_date, '%Y-%m') AS b0,
    COALESCE(CAST(item AS TEXT), '(not recorded)') AS b1,
    SUM(value) FILTER(WHERE
      metric = 'ero.ferm_launched') AS "ero.ferm_launched",
    SUM(value) FILTER(WHERE
      metric = 'ero.atd_furi_launched') AS "ero.atd_furi_launched",
    SUM(value) FILTER(WHERE
      metric = 'ero.title42_sunset') AS "ero.title42_sunset",
    SUM(value) FILTER(WHERE
      metric = 'hsi.opioid_strategy_goals') AS "hsi.opioid_strategy_goals",
    SUM(value) FILTER(WHERE
      metric = 'hsi.ondcp_awards_won') AS "hsi.ondcp_awards_won",
    SUM(value) FILTER(WHERE
      metric = 'hsi.ondcp_award_categories') AS "hsi.ondcp_award_categories",
    SUM(value) FILTER(WHERE
      metric = 'hsi.tciu_partner_countries') AS "hsi.tciu_partner_countries",
    SUM(value) FILTER(WHERE
      metric = 'hsi.tciu_new_partner_countries') AS "hsi.tciu_new_partner_countries",
    SUM(value) FILTER(WHERE
      metric = 'hsi.tciu_personnel_trained') AS "hsi.tciu_personnel_trained",
    SUM(value) FILTER(WHERE
      metric = 'hsi.tciu_training_countries') AS "hsi.tciu_training_countries",
    SUM(value) FILTER(WHERE
      metric = 'hsi.ccht_legislative_results') AS "hsi.ccht_legislative_results",
    SUM(value) FILTER(WHERE
      metric = 'opr.program_offices') AS "opr.program_offices"
  FROM submissions
  GROUP BY
    fiscal_year,
    STRFTIME(as_of_date, '%Y-%m'),
    COALESCE(CAST(item AS TEXT), '(not recorded)')
) AS cube
GROUP BY
  GROUPING SETS (
    (
      fiscal_year
    ),
    (fiscal_year, b0),
    (fiscal_year, b1)
  );

-- hsi.criminal_arrests, hsi.wat_criminal_arrests, hsi.tciu_criminal_arrests
SELECT
  fiscal_year,
  CASE
    WHEN GROUPING(b0) = 0
    THEN 'program_area'
    WHEN GROUPING(b1) = 0
    THEN 'month'
    WHEN GROUPING(b2) = 0
    THEN 'tciu_country'
    ELSE ''
  END AS breakdown,
  COALESCE(b0, b1, b2, '') AS breakdown_value,
  SUM("hsi.criminal_arrests") AS "hsi.criminal_arrests",
  SUM("hsi.wat_criminal_arrests") AS "hsi.wat_criminal_arrests",
  SUM("hsi.tciu_criminal_arrests") AS "hsi.tciu_criminal_arrests"
FROM (
  SELECT
    fiscal_year AS fiscal_year,
    COALESCE(CAST(program_area AS TEXT), '(not recorded)') AS b0,
    STRFTIME(arrest_date, '%Y-%m') AS b1,
    COALESCE(CAST(tciu_country AS TEXT), '(not recorded)') AS b2,
    COUNT(*) AS "hsi.criminal_arrests",
    COUNT(*) FILTER(WHERE
      (
        operation = 'without_a_trace'
      )) AS "hsi.wat_criminal_arrests",
    COUNT(*) FILTER(WHERE
      (
        NOT tciu_country IS NULL
      )) AS "hsi.tciu_criminal_arrests"
  FROM hsi_arrests
  GROUP BY
    fiscal_year,
    COALESCE(CAST(program_area AS TEXT), '(not recorded)'),
    STRFTIME(arrest_date, '%Y-%m'),
    COALESCE(CAST(tciu_country AS TEXT), '(not recorded)')
) AS cube
GROUP BY
  GROUPING SETS (
    (
      fiscal_year
    ),
    (fiscal_year, b0),
    (fiscal_year, b1),
    (fiscal_year, b2)
  );

-- hsi.investigations_opened, hsi.wat_investigations
SELECT
  fiscal_year,
  CASE WHEN GROUPING(b0) = 0 THEN 'program_area' ELSE '' END AS breakdown,
  COALESCE(b0, '') AS breakdown_value,
  SUM("hsi.investigations_opened") AS "hsi.investigations_opened",
  SUM("hsi.wat_investigations") AS "hsi.wat_investigations"
FROM (
  SELECT
    fiscal_year AS fiscal_year,
    COALESCE(CAST(program_area AS TEXT), '(not recorded)') AS b0,
    COUNT(*) AS "hsi.investigations_opened",
    COUNT(*) FILTER(WHERE
      (
        operation = 'without_a_trace'
      )) AS "hsi.wat_investigations"
  FROM investigations
  GROUP BY
    fiscal_year,
    COALESCE(CAST(program_area AS TEXT), '(not recorded)')
) AS cube
GROUP BY
  GROUPING SETS (
    (
      fiscal_year
    ),
    (fiscal_year, b0)
  );

-- hsi.narcotics_seized_lbs, hsi.currency_assets_seized_usd, hsi.virtual_currency_seized_usd, hsi.firearms_seized, hsi.wat_firearms_seized, hsi.wat_magazines_seized, hsi.wat_rounds_seized, hsi.tciu_narcotics_seized_lbs, hsi.tciu_firearms_seized, hsi.tciu_rounds_seized, hsi.tciu_counterfeit_goods_usd, hsi.tciu_general_merchandise_usd
SELECT
  fiscal_year,
  CASE WHEN GROUPING(b0) = 0 THEN 'drug_type' ELSE '' END AS breakdown,
  COALESCE(b0, '') AS breakdown_value,
  SUM("hsi.narcotics_seized_lbs") AS "hsi.narcotics_seized_lbs",
  SUM("hsi.currency_assets_seized_usd") AS "hsi.currency_assets_seized_usd",
  SUM("hsi.virtual_currency_seized_usd") AS "hsi.virtual_currency_seized_usd",
  SUM("hsi.firearms_seized") AS "hsi.firearms_seized",
  SUM("hsi.wat_firearms_seized") AS "hsi.wat_firearms_seized",
  SUM("hsi.wat_magazines_seized") AS "hsi.wat_magazines_seized",
  SUM("hsi.wat_rounds_seized") AS "hsi.wat_rounds_seized",
  SUM("hsi.tciu_narcotics_seized_lbs") AS "hsi.tciu_narcotics_seized_lbs",
  SUM("hsi.tciu_firearms_seized") AS "hsi.tciu_firearms_seized",
  SUM("hsi.tciu_rounds_seized") AS "hsi.tciu_rounds_seized",
  SUM("hsi.tciu_counterfeit_goods_usd") AS "hsi.tciu_counterfeit_goods_usd",
  SUM("hsi.tciu_general_merchandise_usd") AS "hsi.tciu_general_merchandise_usd"
FROM (
  SELECT
    fiscal_year AS fiscal_year,
    COALESCE(CAST(drug_type AS TEXT), '(not recorded)') AS b0,
    COALESCE(SUM(quantity) FILTER(WHERE
      (
        commodity = 'narcotics'
      )), 0) AS "hsi.narcotics_seized_lbs",
    COALESCE(SUM(quantity) FILTER(WHERE
      (
        commodity = 'currency_assets'
      )), 0) AS "hsi.currency_assets_seized_usd",
    COALESCE(SUM(quantity) FILTER(WHERE
      (
        commodity = 'virtual_currency'
      )), 0) AS "hsi.virtual_currency_seized_usd",
    COALESCE(SUM(quantity) FILTER(WHERE
      (
        commodity = 'firearms'
      )), 0) AS "hsi.firearms_seized",
    COALESCE(
      SUM(quantity) FILTER(WHERE
        (
          operation = 'without_a_trace' AND commodity = 'firearms'
        )),
      0
    ) AS "hsi.wat_firearms_seized",
    COALESCE(
      SUM(quantity) FILTER(WHERE
        (
          operation = 'without_a_trace' AND commodity = 'ammunition_magazines'
        )),
      0
    ) AS "hsi.wat_magazines_seized",
    COALESCE(
      SUM(quantity) FILTER(WHERE
        (
          operation = 'without_a_trace' AND commodity = 'ammunition_rounds'
        )),
      0
    ) AS "hsi.wat_rounds_seized",
    COALESCE(
      SUM(quantity) FILTER(WHERE
        (
          NOT tciu_country IS NULL AND commodity IN ('narcotics', 'precursor_chemicals')
        )),
      0
    ) AS "hsi.tciu_narcotics_seized_lbs",
    COALESCE(
      SUM(quantity) FILTER(WHERE
        (
          NOT tciu_country IS NULL AND commodity = 'firearms'
        )),
      0
    ) AS "hsi.tciu_firearms_seized",
    COALESCE(
      SUM(quantity) FILTER(WHERE
        (
          NOT tciu_country IS NULL AND commodity = 'ammunition_rounds'
        )),
      0
    ) AS "hsi.tciu_rounds_seized",
    COALESCE(
      SUM(quantity) FILTER(WHERE
        (
          NOT tciu_country IS NULL AND commodity = 'counterfeit_goods'
        )),
      0
    ) AS "hsi.tciu_counterfeit_goods_usd",
    COALESCE(
      SUM(quantity) FILTER(WHERE
        (
          NOT tciu_country IS NULL AND commodity = 'general_merchandise'
        )),
      0
    ) AS "hsi.tciu_general_merchandise_usd"
  FROM seizures
  GROUP BY
    fiscal_year,
    COALESCE(CAST(drug_type AS TEXT), '(not recorded)')
) AS cube
GROUP BY
  GROUPING SETS (
    (
      fiscal_year
    ),
    (fiscal_year, b0)
  );

-- hsi.child_exploitation_victims, hsi.human_trafficking_victims_assisted, hsi.vap_victims_assisted, hsi.vap_minors_assisted, hsi.vap_child_exploitation_victims
SELECT
  fiscal_year,
  '' AS breakdown,
  '' AS breakdown_value,
  SUM("hsi.child_exploitation_victims") AS "hsi.child_exploitation_victims",
  SUM("hsi.human_trafficking_victims_assisted") AS "hsi.human_trafficking_victims_assisted",
  SUM("hsi.vap_victims_assisted") AS "hsi.vap_victims_assisted",
  SUM("hsi.vap_minors_assisted") AS "hsi.vap_minors_assisted",
  SUM("hsi.vap_child_exploitation_victims") AS "hsi.vap_child_exploitation_victims"
FROM (
  SELECT
    fiscal_year AS fiscal_year,
    COUNT(*) FILTER(WHERE
      (
        victim_type = 'child_exploitation'
      )) AS "hsi.child_exploitation_victims",
    COUNT(*) FILTER(WHERE
      (
        victim_type = 'human_trafficking' AND vap_assisted
      )) AS "hsi.human_trafficking_victims_assisted",
    COUNT(*) FILTER(WHERE
      (
        vap_assisted
      )) AS "hsi.vap_victims_assisted",
    COUNT(*) FILTER(WHERE
      (
        vap_assisted AND minor
      )) AS "hsi.vap_minors_assisted",
    COUNT(*) FILTER(WHERE
      (
        vap_assisted AND victim_type = 'child_exploitation'
      )) AS "hsi.vap_child_exploitation_victims"
  FROM victims
  GROUP BY
    fiscal_year
) AS cube
GROUP BY
  fiscal_year;

-- hsi.forensic_interviews
SELECT
  fiscal_year,
  '' AS breakdown,
  '' AS breakdown_value,
  SUM("hsi.forensic_interviews") AS "hsi.forensic_interviews"
FROM (
  SELECT
    fiscal_year AS fiscal_year,
    COUNT(*) AS "hsi.forensic_interviews"
  FROM forensic_interviews
  GROUP BY
    fiscal_year
) AS cube
GROUP BY
  fiscal_year;

-- opla.removal_hearings
SELECT
  fiscal_year,
  '' AS breakdown,
  '' AS breakdown_value,
  SUM("opla.removal_hearings") AS "opla.removal_hearings"
FROM (
  SELECT
    fiscal_year AS fiscal_year,
    COUNT(*) AS "opla.removal_hearings"
  FROM opla_hearings
  GROUP BY
    fiscal_year
) AS cube
GROUP BY
  fiscal_year;

-- opla.case_completions, opla.relief_orders, opla.removal_orders, opla.pd_dismissals
SELECT
  fiscal_year,
  CASE WHEN GROUPING(b0) = 0 THEN 'outcome' ELSE '' END AS breakdown,
  COALESCE(b0, '') AS breakdown_value,
  SUM("opla.case_completions") AS "opla.case_completions",
  SUM("opla.relief_orders") AS "opla.relief_orders",
  SUM("opla.removal_orders") AS "opla.removal_orders",
  SUM("opla.pd_dismissals") AS "opla.pd_dismissals"
FROM (
  SELECT
    fiscal_year AS fiscal_year,
    COALESCE(CAST(outcome AS TEXT), '(not recorded)') AS b0,
    COUNT(*) AS "opla.case_completions",
    COUNT(*) FILTER(WHERE
      (
        outcome = 'relief_granted'
      )) AS "opla.relief_orders",
    COUNT(*) FILTER(WHERE
      (
        outcome = 'removal_order'
      )) AS "opla.removal_orders",
    COUNT(*) FILTER(WHERE
      (
        outcome = 'pd_dismissal'
      )) AS "opla.pd_dismissals"
  FROM opla_completions
  GROUP BY
    fiscal_year,
    COALESCE(CAST(outcome AS TEXT), '(not recorded)')
) AS cube
GROUP BY
  GROUPING SETS (
    (
      fiscal_year
    ),
    (fiscal_year, b0)
  );

-- opla.hrv_cases, opla.national_security_cases
SELECT
  fiscal_year,
  '' AS breakdown,
  '' AS breakdown_value,
  SUM("opla.hrv_cases") AS "opla.hrv_cases",
  SUM("opla.national_security_cases") AS "opla.national_security_cases"
FROM (
  SELECT
    fiscal_year AS fiscal_year,
    COUNT(*) FILTER(WHERE
      (
        program = 'human_rights_violator'
      )) AS "opla.hrv_cases",
    COUNT(*) FILTER(WHERE
      (
        program = 'national_security'
      )) AS "opla.national_security_cases"
  FROM opla_caseload
  GROUP BY
    fiscal_year
) AS cube
GROUP BY
  fiscal_year;

-- ero.detention_days_counted
SELECT
  fiscal_year AS fiscal_year,
  '' AS breakdown,
  '' AS breakdown_value,
  COUNT(DISTINCT day) AS "ero.detention_days_counted"
FROM detention_headcount
GROUP BY
  fiscal_year;

-- ero.arrests_criminal_history
WITH rows AS MATERIALIZED (
  SELECT DISTINCT
    fiscal_year AS fiscal_year,
    COALESCE(CAST(aor AS TEXT), '(not recorded)') AS b0,
    person_id AS v
  FROM arrests
  WHERE
    (
      criminality IN ('convicted', 'pending')
    ) AND duplicate_rule IS NULL
)
SELECT
  fiscal_year,
  '' AS breakdown,
  '' AS breakdown_value,
  COUNT(DISTINCT v) AS "ero.arrests_criminal_history"
FROM rows
GROUP BY
  fiscal_year
UNION ALL
SELECT
  fiscal_year,
  'aor',
  b0,
  COUNT(*)
FROM rows
GROUP BY
  fiscal_year,
  b0;

-- ero.swb_deployed_employees
SELECT
  fiscal_year AS fiscal_year,
  '' AS breakdown,
  '' AS breakdown_value,
  COUNT(DISTINCT employee_id) AS "ero.swb_deployed_employees"
FROM deployments
WHERE
  (
    office = 'ERO' AND destination = 'southwest_border'
  )
GROUP BY
  fiscal_year;

-- ma.swb_deployed_employees
WITH rows AS MATERIALIZED (
  SELECT DISTINCT
    fiscal_year AS fiscal_year,
    COALESCE(CAST(office AS TEXT), '(not recorded)') AS b0,
    employee_id AS v
  FROM deployments
  WHERE
    (
      destination = 'southwest_border'
    )
)
SELECT
  fiscal_year,
  '' AS breakdown,
  '' AS breakdown_value,
  COUNT(DISTINCT v) AS "ma.swb_deployed_employees"
FROM rows
GROUP BY
  fiscal_year
UNION ALL
SELECT
  fiscal_year,
  'office',
  b0,
  COUNT(*)
FROM rows
GROUP BY
  fiscal_year,
  b0;

-- ero.ferm_launched, ero.atd_furi_launched, ero.title42_sunset, hsi.opioid_strategy_goals, hsi.ondcp_awards_won, hsi.ondcp_award_categories, hsi.tciu_partner_countries, hsi.tciu_new_partner_countries, hsi.tciu_personnel_trained, hsi.tciu_training_countries, hsi.ccht_legislative_results, opr.program_offices
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) FILTER(WHERE
    metric = 'ero.ferm_launched' AND quantity_qualifier = 'at_least') AS "ero.ferm_launched|lower",
  COUNT(*) FILTER(WHERE
    metric = 'ero.ferm_launched' AND quantity_qualifier = 'estimated') AS "ero.ferm_launched|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'ero.atd_furi_launched' AND quantity_qualifier = 'at_least') AS "ero.atd_furi_launched|lower",
  COUNT(*) FILTER(WHERE
    metric = 'ero.atd_furi_launched' AND quantity_qualifier = 'estimated') AS "ero.atd_furi_launched|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'ero.title42_sunset' AND quantity_qualifier = 'at_least') AS "ero.title42_sunset|lower",
  COUNT(*) FILTER(WHERE
    metric = 'ero.title42_sunset' AND quantity_qualifier = 'estimated') AS "ero.title42_sunset|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.opioid_strategy_goals' AND quantity_qualifier = 'at_least') AS "hsi.opioid_strategy_goals|lower",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.opioid_strategy_goals' AND quantity_qualifier = 'estimated') AS "hsi.opioid_strategy_goals|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.ondcp_awards_won' AND quantity_qualifier = 'at_least') AS "hsi.ondcp_awards_won|lower",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.ondcp_awards_won' AND quantity_qualifier = 'estimated') AS "hsi.ondcp_awards_won|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.ondcp_award_categories' AND quantity_qualifier = 'at_least') AS "hsi.ondcp_award_categories|lower",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.ondcp_award_categories' AND quantity_qualifier = 'estimated') AS "hsi.ondcp_award_categories|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.tciu_partner_countries' AND quantity_qualifier = 'at_least') AS "hsi.tciu_partner_countries|lower",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.tciu_partner_countries' AND quantity_qualifier = 'estimated') AS "hsi.tciu_partner_countries|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.tciu_new_partner_countries' AND quantity_qualifier = 'at_least') AS "hsi.tciu_new_partner_countries|lower",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.tciu_new_partner_countries' AND quantity_qualifier = 'estimated') AS "hsi.tciu_new_partner_countries|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.tciu_personnel_trained' AND quantity_qualifier = 'at_least') AS "hsi.tciu_personnel_trained|lower",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.tciu_personnel_trained' AND quantity_qualifier = 'estimated') AS "hsi.tciu_personnel_trained|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.tciu_training_countries' AND quantity_qualifier = 'at_least') AS "hsi.tciu_training_countries|lower",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.tciu_training_countries' AND quantity_qualifier = 'estimated') AS "hsi.tciu_training_countries|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.ccht_legislative_results' AND quantity_qualifier = 'at_least') AS "hsi.ccht_legislative_results|lower",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.ccht_legislative_results' AND quantity_qualifier = 'estimated') AS "hsi.ccht_legislative_results|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'opr.program_offices' AND quantity_qualifier = 'at_least') AS "opr.program_offices|lower",
  COUNT(*) FILTER(WHERE
    metric = 'opr.program_offices' AND quantity_qualifier = 'estimated') AS "opr.program_offices|approximate"
FROM submissions
GROUP BY
  fiscal_year;

-- ero.ferm_launched, ero.atd_furi_launched, ero.title42_sunset
SELECT
  fiscal_year AS fiscal_year,
  STRFTIME(as_of_date, '%Y-%m') AS breakdown_value,
  COUNT(*) FILTER(WHERE
    metric = 'ero.ferm_launched' AND quantity_qualifier = 'at_least') AS "ero.ferm_launched|lower",
  COUNT(*) FILTER(WHERE
    metric = 'ero.ferm_launched' AND quantity_qualifier = 'estimated') AS "ero.ferm_launched|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'ero.atd_furi_launched' AND quantity_qualifier = 'at_least') AS "ero.atd_furi_launched|lower",
  COUNT(*) FILTER(WHERE
    metric = 'ero.atd_furi_launched' AND quantity_qualifier = 'estimated') AS "ero.atd_furi_launched|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'ero.title42_sunset' AND quantity_qualifier = 'at_least') AS "ero.title42_sunset|lower",
  COUNT(*) FILTER(WHERE
    metric = 'ero.title42_sunset' AND quantity_qualifier = 'estimated') AS "ero.title42_sunset|approximate"
FROM submissions
GROUP BY
  fiscal_year,
  STRFTIME(as_of_date, '%Y-%m');

-- ero.title42_sunset, hsi.opioid_strategy_goals, hsi.ondcp_awards_won, hsi.ccht_legislative_results, opr.program_offices
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(item AS TEXT), '(not recorded)') AS breakdown_value,
  COUNT(*) FILTER(WHERE
    metric = 'ero.title42_sunset' AND quantity_qualifier = 'at_least') AS "ero.title42_sunset|lower",
  COUNT(*) FILTER(WHERE
    metric = 'ero.title42_sunset' AND quantity_qualifier = 'estimated') AS "ero.title42_sunset|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.opioid_strategy_goals' AND quantity_qualifier = 'at_least') AS "hsi.opioid_strategy_goals|lower",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.opioid_strategy_goals' AND quantity_qualifier = 'estimated') AS "hsi.opioid_strategy_goals|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.ondcp_awards_won' AND quantity_qualifier = 'at_least') AS "hsi.ondcp_awards_won|lower",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.ondcp_awards_won' AND quantity_qualifier = 'estimated') AS "hsi.ondcp_awards_won|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.ccht_legislative_results' AND quantity_qualifier = 'at_least') AS "hsi.ccht_legislative_results|lower",
  COUNT(*) FILTER(WHERE
    metric = 'hsi.ccht_legislative_results' AND quantity_qualifier = 'estimated') AS "hsi.ccht_legislative_results|approximate",
  COUNT(*) FILTER(WHERE
    metric = 'opr.program_offices' AND quantity_qualifier = 'at_least') AS "opr.program_offices|lower",
  COUNT(*) FILTER(WHERE
    metric = 'opr.program_offices' AND quantity_qualifier = 'estimated') AS "opr.program_offices|approximate"
FROM submissions
GROUP BY
  fiscal_year,
  COALESCE(CAST(item AS TEXT), '(not recorded)');

-- hsi.narcotics_seized_lbs, hsi.currency_assets_seized_usd, hsi.virtual_currency_seized_usd, hsi.firearms_seized, hsi.wat_firearms_seized, hsi.wat_magazines_seized, hsi.wat_rounds_seized, hsi.tciu_narcotics_seized_lbs, hsi.tciu_firearms_seized, hsi.tciu_rounds_seized, hsi.tciu_counterfeit_goods_usd, hsi.tciu_general_merchandise_usd
SELECT
  fiscal_year AS fiscal_year,
  COUNT(*) FILTER(WHERE
    (
      commodity = 'narcotics'
    ) AND quantity_qualifier = 'at_least') AS "hsi.narcotics_seized_lbs|lower",
  COUNT(*) FILTER(WHERE
    (
      commodity = 'narcotics'
    ) AND quantity_qualifier = 'estimated') AS "hsi.narcotics_seized_lbs|approximate",
  COUNT(*) FILTER(WHERE
    (
      commodity = 'currency_assets'
    ) AND quantity_qualifier = 'at_least') AS "hsi.currency_assets_seized_usd|lower",
  COUNT(*) FILTER(WHERE
    (
      commodity = 'currency_assets'
    ) AND quantity_qualifier = 'estimated') AS "hsi.currency_assets_seized_usd|approximate",
  COUNT(*) FILTER(WHERE
    (
      commodity = 'virtual_currency'
    ) AND quantity_qualifier = 'at_least') AS "hsi.virtual_currency_seized_usd|lower",
  COUNT(*) FILTER(WHERE
    (
      commodity = 'virtual_currency'
    ) AND quantity_qualifier = 'estimated') AS "hsi.virtual_currency_seized_usd|approximate",
  COUNT(*) FILTER(WHERE
    (
      commodity = 'firearms'
    ) AND quantity_qualifier = 'at_least') AS "hsi.firearms_seized|lower",
  COUNT(*) FILTER(WHERE
    (
      commodity = 'firearms'
    ) AND quantity_qualifier = 'estimated') AS "hsi.firearms_seized|approximate",
  COUNT(*) FILTER(WHERE
    (
      operation = 'without_a_trace' AND commodity = 'firearms'
    )
    AND quantity_qualifier = 'at_least') AS "hsi.wat_firearms_seized|lower",
  COUNT(*) FILTER(WHERE
    (
      operation = 'without_a_trace' AND commodity = 'firearms'
    )
    AND quantity_qualifier = 'estimated') AS "hsi.wat_firearms_seized|approximate",
  COUNT(*) FILTER(WHERE
    (
      operation = 'without_a_trace' AND commodity = 'ammunition_magazines'
    )
    AND quantity_qualifier = 'at_least') AS "hsi.wat_magazines_seized|lower",
  COUNT(*) FILTER(WHERE
    (
      operation = 'without_a_trace' AND commodity = 'ammunition_magazines'
    )
    AND quantity_qualifier = 'estimated') AS "hsi.wat_magazines_seized|approximate",
  COUNT(*) FILTER(WHERE
    (
      operation = 'without_a_trace' AND commodity = 'ammunition_rounds'
    )
    AND quantity_qualifier = 'at_least') AS "hsi.wat_rounds_seized|lower",
  COUNT(*) FILTER(WHERE
    (
      operation = 'without_a_trace' AND commodity = 'ammunition_rounds'
    )
    AND quantity_qualifier = 'estimated') AS "hsi.wat_rounds_seized|approximate",
  COUNT(*) FILTER(WHERE
    (
      NOT tciu_country IS NULL AND commodity IN ('narcotics', 'precursor_chemicals')
    )
    AND quantity_qualifier = 'at_least') AS "hsi.tciu_narcotics_seized_lbs|lower",
  COUNT(*) FILTER(WHERE
    (
      NOT tciu_country IS NULL AND commodity IN ('narcotics', 'precursor_chemicals')
    )
    AND quantity_qualifier = 'estimated') AS "hsi.tciu_narcotics_seized_lbs|approximate",
  COUNT(*) FILTER(WHERE
    (
      NOT tciu_country IS NULL AND commodity = 'firearms'
    )
    AND quantity_qualifier = 'at_least') AS "hsi.tciu_firearms_seized|lower",
  COUNT(*) FILTER(WHERE
    (
      NOT tciu_country IS NULL AND commodity = 'firearms'
    )
    AND quantity_qualifier = 'estimated') AS "hsi.tciu_firearms_seized|approximate",
  COUNT(*) FILTER(WHERE
    (
      NOT tciu_country IS NULL AND commodity = 'ammunition_rounds'
    )
    AND quantity_qualifier = 'at_least') AS "hsi.tciu_rounds_seized|lower",
  COUNT(*) FILTER(WHERE
    (
      NOT tciu_country IS NULL AND commodity = 'ammunition_rounds'
    )
    AND quantity_qualifier = 'estimated') AS "hsi.tciu_rounds_seized|approximate",
  COUNT(*) FILTER(WHERE
    (
      NOT tciu_country IS NULL AND commodity = 'counterfeit_goods'
    )
    AND quantity_qualifier = 'at_least') AS "hsi.tciu_counterfeit_goods_usd|lower",
  COUNT(*) FILTER(WHERE
    (
      NOT tciu_country IS NULL AND commodity = 'counterfeit_goods'
    )
    AND quantity_qualifier = 'estimated') AS "hsi.tciu_counterfeit_goods_usd|approximate",
  COUNT(*) FILTER(WHERE
    (
      NOT tciu_country IS NULL AND commodity = 'general_merchandise'
    )
    AND quantity_qualifier = 'at_least') AS "hsi.tciu_general_merchandise_usd|lower",
  COUNT(*) FILTER(WHERE
    (
      NOT tciu_country IS NULL AND commodity = 'general_merchandise'
    )
    AND quantity_qualifier = 'estimated') AS "hsi.tciu_general_merchandise_usd|approximate"
FROM seizures
GROUP BY
  fiscal_year;

-- hsi.narcotics_seized_lbs
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(drug_type AS TEXT), '(not recorded)') AS breakdown_value,
  COUNT(*) FILTER(WHERE
    (
      commodity = 'narcotics'
    ) AND quantity_qualifier = 'at_least') AS "hsi.narcotics_seized_lbs|lower",
  COUNT(*) FILTER(WHERE
    (
      commodity = 'narcotics'
    ) AND quantity_qualifier = 'estimated') AS "hsi.narcotics_seized_lbs|approximate"
FROM seizures
GROUP BY
  fiscal_year,
  COALESCE(CAST(drug_type AS TEXT), '(not recorded)');

-- ero.ferm_launched, ero.atd_furi_launched, ero.title42_sunset
SELECT
  fiscal_year AS fiscal_year,
  STRFTIME(as_of_date, '%Y-%m') AS breakdown_value,
  MIN(submission_id) FILTER(WHERE
    metric = 'ero.ferm_launched') AS "ero.ferm_launched|first",
  MIN(submission_id) FILTER(WHERE
    metric = 'ero.atd_furi_launched') AS "ero.atd_furi_launched|first",
  MIN(submission_id) FILTER(WHERE
    metric = 'ero.title42_sunset') AS "ero.title42_sunset|first"
FROM submissions
GROUP BY
  fiscal_year,
  STRFTIME(as_of_date, '%Y-%m');

-- ero.title42_sunset, hsi.opioid_strategy_goals, hsi.ondcp_awards_won, hsi.ccht_legislative_results, opr.program_offices
SELECT
  fiscal_year AS fiscal_year,
  COALESCE(CAST(item AS TEXT), '(not recorded)') AS breakdown_value,
  MIN(submission_id) FILTER(WHERE
    metric = 'ero.title42_sunset') AS "ero.title42_sunset|first",
  MIN(submission_id) FILTER(WHERE
    metric = 'hsi.opioid_strategy_goals') AS "hsi.opioid_strategy_goals|first",
  MIN(submission_id) FILTER(WHERE
    metric = 'hsi.ondcp_awards_won') AS "hsi.ondcp_awards_won|first",
  MIN(submission_id) FILTER(WHERE
    metric = 'hsi.ccht_legislative_results') AS "hsi.ccht_legislative_results|first",
  MIN(submission_id) FILTER(WHERE
    metric = 'opr.program_offices') AS "opr.program_offices|first"
FROM submissions
GROUP BY
  fiscal_year,
  COALESCE(CAST(item AS TEXT), '(not recorded)');
