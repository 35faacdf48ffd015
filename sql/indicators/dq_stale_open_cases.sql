-- dq_stale_open_cases (data quality): cases open on end(m), opened at least 90 days before it, with no event
-- dated in the 90 days up to end(m) / cases open on end(m) opened at least 90 days before it. A high share more
-- often means events are not recorded in GePI than that nobody works the cases.
-- Written as an ASOF join (each eligible case-month finds the case's last event on or before end(m); stale when there
-- is none or it is 90 days old or more) rather than NOT EXISTS over the events: the same rows, without joining every
-- case-month to every event of its case (national preset: 2.6M case-months × ~12 events each).
with

eligible as (
    select c.ats_code, m.month, c.case_key, m.month_end
    from fct_cases as c
    join dim_month as m
      on c.opened_date <= m.month_end - interval 90 day
     and (c.closed_date is null or c.closed_date > m.month_end)
),

events as (
    select case_key, event_date from fct_case_events
),

last_event as (
    select e.ats_code, e.month, e.month_end, v.event_date as last_event_date
    from eligible as e
    asof left join events as v
      on v.case_key = e.case_key and v.event_date <= e.month_end
)

select ats_code, month,
       count(*) filter (where last_event_date is null or last_event_date <= month_end - interval 90 day) as numerator,
       count(*) as denominator
from last_event
group by all
