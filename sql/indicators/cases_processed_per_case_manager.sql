-- cases_processed_per_case_manager: cases_processed / case_managers_active, in m.
with

processed as (
    select ats_code, month, cases_processed as numerator, 0 as denominator from fct_cases_processed_monthly
),

case_managers as (
    select ats_code, month, 0 as numerator, count(*) as denominator from fct_staffing_monthly group by all
)

select * from processed
union all
select * from case_managers
