-- Households whose {{date_column}} falls in m (and not after the reference date), by the ATS holding their
-- municipality on end(m) (a municipality with no ATS that month counts nowhere). One model, the benefit pillar's
-- indicators (catalogue params): applications_received, applications_rejected_rate, benefit_started,
-- median_days_application_to_benefit (numerator = the days, the runner takes the median), benefit_within_30_days,
-- benefit_ended. Status is as of the export: there is no dated history of it.
select mm.ats_code, mm.month, h.household_key,
       {{numerator}}   as numerator,
       {{denominator}} as denominator
from dim_household as h
join dim_municipality_month as mm
  on mm.municipality_code = h.municipality_code
 and mm.month = strftime(h.{{date_column}}, '%Y-%m')
where h.{{date_column}} <= (select reference_date from run_meta)
