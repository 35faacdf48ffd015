-- dq_unassigned_after_30_days (data quality): cases open on end(m), opened at least 30 days before it, that have
-- no case manager on end(m) (none in the export, or first `assigned` event after end(m)) / cases open on end(m)
-- opened at least 30 days before it. The export has no dated history of the case manager: a case's current one
-- counts from its `assigned` event, or from opening when that event was never recorded.
select c.ats_code, m.month,
       count(*) filter (where c.case_manager_key is null or c.assigned_date > m.month_end) as numerator,
       count(*)                                                                          as denominator
from fct_cases as c
join dim_month as m
  on c.opened_date <= m.month_end - interval 30 day
 and (c.closed_date is null or c.closed_date > m.month_end)
group by all
