-- dq_unassigned_after_30_days (data quality): cases open on end(m), opened at least 30 days before it, that have
-- no case manager on end(m) (none in the export, or first `assigned` event after end(m)) / cases open on end(m)
-- opened at least 30 days before it. The export has no dated history of the case manager: a case's current one
-- counts from its `assigned` event, or from opening when that event was never recorded.
with

grid as (
    select a.ats_code, m.month from dim_ats as a cross join dim_month as m
),

eligible as (
    select c.ats_code, m.month,
           c.case_manager_key is null or c.assigned_date > m.month_end as unassigned
    from fct_cases as c
    join dim_month as m
      on c.opened_date <= m.month_end - interval 30 day
     and (c.closed_date is null or c.closed_date > m.month_end)
),

counted as (
    select ats_code, month, count(*) filter (where unassigned) as unassigned, count(*) as open_cases
    from eligible group by all
),

per_ats as (
    select g.ats_code, g.month, coalesce(c.unassigned, 0) as numerator, coalesce(c.open_cases, 0) as denominator
    from grid as g left join counted as c using (ats_code, month)
),

rolled_up as (
    select r.level, r.territory_code, p.month,
           sum(p.numerator)::double   as numerator,
           sum(p.denominator)::double as denominator
    from per_ats as p
    join dim_ats_rollup as r using (ats_code)
    group by all
)

select * from rolled_up
