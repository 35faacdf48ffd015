-- referrals_served_rate: referrals with outcome served and outcome_date in m / referrals with outcome in (served,
-- refused, no_capacity) and outcome_date in m. ATS = the case's ATS; household = the case's household.
select r.ats_code, r.outcome_month as month, c.household_key,
       count(*) filter (where r.outcome = 'served')                             as numerator,
       count(*) filter (where r.outcome in ('served', 'refused', 'no_capacity')) as denominator
from fct_referrals as r
join fct_cases as c using (case_key)
where r.outcome_date is not null
group by all
