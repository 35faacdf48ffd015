-- cases_processed at case-manager level: the case counts for the operator who recorded the event (the case's case
-- manager when the event has no operator); a case handled by two operators in a month counts for both, so
-- case-manager rows do not add up to the ATS row.
select coalesce(e.operator_key, c.case_manager_key) as case_manager_key, e.month, count(distinct e.case_key) as numerator
from fct_case_events as e
join fct_cases as c using (case_key)
where e.event_type in ('preassessment_completed', 'assessment_completed', 'plan_signed', 'monitoring_meeting')
  and coalesce(e.operator_key, c.case_manager_key) is not null
group by all
