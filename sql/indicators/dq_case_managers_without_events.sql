-- dq_case_managers_without_events (data quality): case managers active in m with no event recorded under their
-- operator key in m / case managers active in m.
with

recorded as (
    select distinct operator_key, month from fct_case_events where operator_key is not null
)

select s.ats_code, s.month,
       count(*) filter (where r.operator_key is null) as numerator,
       count(*)                                       as denominator
from fct_staffing_monthly as s
left join recorded as r using (operator_key, month)
group by all
