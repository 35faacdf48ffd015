-- residents_per_case_manager: 2011 population of the ATS's member municipalities on end(m) / case managers active
-- in m (target: the national standard of one social worker per 5,000 residents, in the catalogue).
with

residents as (
    select ats_code, month, population_2011 as numerator, 0 as denominator from fct_ats_population_monthly
),

staff as (
    select ats_code, month, 0 as numerator, count(*) as denominator from fct_staffing_monthly group by all
)

select * from residents
union all
select * from staff
