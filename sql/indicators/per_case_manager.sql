-- A count per case manager active in m: {{numerator}} of {{numerator_table}} per ATS and month / case managers active
-- in m. One model, three indicators (catalogue params): open_cases_per_case_manager (open cases on end(m)),
-- cases_processed_per_case_manager (cases processed in m), residents_per_case_manager (2011 population of the ATS's
-- municipalities on end(m); target one social worker per 5,000 residents).
with

counted as (
    select ats_code, month, {{numerator}} as numerator, 0 as denominator from {{numerator_table}}
),

case_managers as (
    select ats_code, month, 0 as numerator, count(*) as denominator from fct_staffing_monthly group by all
)

select * from counted
union all
select * from case_managers
