-- open_cases at case-manager level: cases open on end(m) by the case's current case manager (the runner adds a row
-- for every month the operator is active).
select case_manager_key, month, sum(open_cases) as numerator
from fct_open_cases_monthly
where case_manager_key is not null
group by all
