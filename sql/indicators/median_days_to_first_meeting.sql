-- median_days_to_first_meeting: over the cases whose first first_meeting with outcome held falls in m, the days
-- from opened_date to it (the runner takes the median per territory and member, and counts the cases).
select ats_code, strftime(first_meeting_held_date, '%Y-%m') as month, household_key,
       days_to_first_meeting as numerator
from fct_cases
where first_meeting_held_date is not null
