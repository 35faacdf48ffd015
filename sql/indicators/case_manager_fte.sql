-- case_manager_fte: sum of weekly_hours/36 over case managers active in m (null hours count 1.0; see the mart).
select ats_code, month, fte as numerator
from fct_staffing_monthly
