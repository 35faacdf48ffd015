-- open_cases_per_case_manager: cases open on end(m) / case managers active in m.
with

open_cases as (
    select ats_code, month, open_cases as numerator, 0 as denominator from fct_open_cases_monthly
),

case_managers as (
    select ats_code, month, 0 as numerator, count(*) as denominator from fct_staffing_monthly group by all
)

select * from open_cases
union all
select * from case_managers
