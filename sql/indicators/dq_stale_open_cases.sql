-- dq_stale_open_cases (data quality): cases open on end(m), opened at least 90 days before it, with no event
-- dated in the 90 days up to end(m) / cases open on end(m) opened at least 90 days before it. A high share more
-- often means events are not recorded in GePI than that nobody works the cases.
with

grid as (
    select a.ats_code, m.month from dim_ats as a cross join dim_month as m
),

eligible as (
    select c.ats_code, m.month, c.case_key, m.month_end
    from fct_cases as c
    join dim_month as m
      on c.opened_date <= m.month_end - interval 90 day
     and (c.closed_date is null or c.closed_date > m.month_end)
),

stale as (
    select e.ats_code, e.month,
           count(*) as open_cases,
           count(*) filter (where not exists (
               select 1 from fct_case_events as v
               where v.case_key = e.case_key
                 and v.event_date > e.month_end - interval 90 day and v.event_date <= e.month_end)) as stale_cases
    from eligible as e
    group by all
),

per_ats as (
    select g.ats_code, g.month, coalesce(s.stale_cases, 0) as numerator, coalesce(s.open_cases, 0) as denominator
    from grid as g left join stale as s using (ats_code, month)
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
