-- Cases opened in m that reached a step within {{days}} days of opened_date / cases opened in m, by the case's ATS
-- and household. One model, two indicators (catalogue params): convocation_within_30_days (days_to_convocation, 30)
-- and plan_within_90_days (days_to_plan, 90); the catalogue's censor_days drops the months not yet observable.
select ats_code, strftime(opened_date, '%Y-%m') as month, household_key,
       count(*) filter (where {{days_column}} <= {{days}}) as numerator,
       count(*)                                             as denominator
from fct_cases
group by all
