-- cases_processed: distinct cases with at least one preassessment_completed, assessment_completed, plan_signed or
-- monitoring_meeting event dated in m, by the case's ATS and household (a case has one of each, so the distinct
-- counts per household add up to the distinct count per ATS). Case-manager rows: cases_processed_by_case_manager.sql.
select e.ats_code, e.month, c.household_key, count(distinct e.case_key) as numerator
from fct_case_events as e
join fct_cases as c using (case_key)
where e.event_type in ('preassessment_completed', 'assessment_completed', 'plan_signed', 'monitoring_meeting')
group by all
