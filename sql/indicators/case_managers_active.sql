-- case_managers_active: operators with role case_manager active in m (a count, no denominator).
select ats_code, month, count(*) as numerator
from fct_staffing_monthly
group by all
