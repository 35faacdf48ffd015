-- open_cases: cases open on end(m) (opened_date <= end(m) and closed_date null or after it), by the case's ATS and
-- household. The case-manager rows are open_cases_by_case_manager.sql.
select c.ats_code, m.month, c.household_key, count(*) as numerator
from fct_cases as c
join dim_month as m
  on c.opened_date <= m.month_end
 and (c.closed_date is null or c.closed_date > m.month_end)
group by all
