-- dq_quarantine_rate (data quality): rows of the export placed in the ATS that were quarantined / rows of the
-- export placed in the ATS (etl/Pipeline/QuarantineByAts.cs), on the month of the reference date only: it
-- describes one load, not a month of activity.
with

territories as (
    select distinct level, territory_code from dim_ats_rollup
),

per_ats as (
    select a.ats_code, coalesce(q.quarantined, 0) as numerator, coalesce(q."read", 0) as denominator
    from dim_ats as a left join quarantine_by_ats as q using (ats_code)
),

rolled_up as (
    select r.level, r.territory_code,
           sum(p.numerator)::double   as numerator,
           sum(p.denominator)::double as denominator
    from per_ats as p
    join dim_ats_rollup as r using (ats_code)
    group by all
)

select t.level, t.territory_code, strftime(m.reference_date, '%Y-%m') as month, r.numerator, r.denominator
from territories as t
join rolled_up as r using (level, territory_code)
cross join run_meta as m
