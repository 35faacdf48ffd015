-- dq_stale_open_cases (data quality): cases open on end(m), opened at least 90 days before it, with no event
-- dated in the 90 days up to end(m) / cases open on end(m) opened at least 90 days before it. A high share more
-- often means events are not recorded in GePI than that nobody works the cases.
with

eligible as (
    select c.ats_code, m.month, c.case_key, m.month_end
    from fct_cases as c
    join dim_month as m
      on c.opened_date <= m.month_end - interval 90 day
     and (c.closed_date is null or c.closed_date > m.month_end)
)

select e.ats_code, e.month,
       count(*) filter (where not exists (
           select 1 from fct_case_events as v
           where v.case_key = e.case_key
             and v.event_date > e.month_end - interval 90 day and v.event_date <= e.month_end)) as numerator,
       count(*) as denominator
from eligible as e
group by all
