-- Per case manager and ATS: how many of their cases (the case's current manager) reached each step and the
-- median days from opening to it, over the cases of that ATS: the coordinators' step timing per case manager,
-- beside the ATS and national medians of dash_step_medians. One row per (ATS, case manager).
with

timed_cases as (
    select ats_code, case_manager_key, days_to_convocation, days_to_first_meeting, days_to_plan
    from fct_cases
    where case_manager_key is not null
),

final as (
    select
        ats_code,
        case_manager_key,
        count(days_to_convocation)    as n_days_to_convocation,
        median(days_to_convocation)   as m_days_to_convocation,
        count(days_to_first_meeting)  as n_days_to_first_meeting,
        median(days_to_first_meeting) as m_days_to_first_meeting,
        count(days_to_plan)           as n_days_to_plan,
        median(days_to_plan)          as m_days_to_plan
    from timed_cases
    group by ats_code, case_manager_key
)

select * from final order by ats_code, case_manager_key
