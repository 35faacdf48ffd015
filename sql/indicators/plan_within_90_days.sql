-- plan_within_90_days: cases opened in m with a plan_signed event within 90 days of
-- opened_date / cases opened in m. Censored months (end(m) + 90 days > reference_date) get no row.
with

observable_months as (
    select m.month
    from dim_month as m, run_meta as r
    where m.month_end + 90 <= r.reference_date
),

grid as (
    select a.ats_code, m.month from dim_ats as a cross join observable_months as m
),

opened as (
    select ats_code,
           strftime(opened_date, '%Y-%m')                   as month,
           count(*) filter (where days_to_plan <= 90)        as planned,
           count(*)                                         as cases
    from fct_cases
    group by all
),

per_ats as (
    select g.ats_code, g.month,
           coalesce(o.planned, 0) as numerator,
           coalesce(o.cases, 0)    as denominator
    from grid as g
    left join opened as o using (ats_code, month)
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
