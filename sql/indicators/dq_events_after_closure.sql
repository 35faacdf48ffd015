-- dq_events_after_closure (data quality): events dated in m after their case's closure date / events dated in m,
-- by the event's ATS.
select v.ats_code, v.month,
       count(*) filter (where c.closed_date is not null and v.event_date > c.closed_date) as numerator,
       count(*)                                                                           as denominator
from fct_case_events as v
join fct_cases as c using (case_key)
group by all
