-- closed_goals_achieved_rate: cases closed in m with closure_reason goals_achieved or employment / cases closed in m.
select ats_code, strftime(closed_date, '%Y-%m') as month, household_key,
       count(*) filter (where closure_reason in ('goals_achieved', 'employment')) as numerator,
       count(*)                                                                 as denominator
from fct_cases
where closed_date is not null
group by all
