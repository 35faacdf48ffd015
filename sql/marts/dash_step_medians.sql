-- Median days from a case's opening to each step (convocation, first meeting held, plan signed), for the
-- casework dashboards: per case manager (the case's current manager), per ATS, and nationally.
-- Precomputed once per snapshot because the national median runs over every case (~340k at national
-- scale), too slow to take on each page view. Medians cannot be summed, so each level is taken over
-- its own cases. A step not reached yet is null and left out of its median; a territory with no
-- timed case has a null median.
with

timed_cases as (
    select
        ats_code,
        case_manager_key,
        days_to_convocation,
        days_to_first_meeting,
        days_to_plan
    from fct_cases
),

national as (
    select
        'national' as level,
        'IT'       as territory_code,
        count(*)   as cases,
        median(days_to_convocation)   as median_days_to_convocation,
        median(days_to_first_meeting) as median_days_to_first_meeting,
        median(days_to_plan)          as median_days_to_plan
    from timed_cases
),

per_ats as (
    select
        'ats'    as level,
        ats_code as territory_code,
        count(*) as cases,
        median(days_to_convocation)   as median_days_to_convocation,
        median(days_to_first_meeting) as median_days_to_first_meeting,
        median(days_to_plan)          as median_days_to_plan
    from timed_cases
    where ats_code is not null
    group by ats_code
),

per_case_manager as (
    select
        'case_manager'   as level,
        cast(case_manager_key as varchar) as territory_code,  -- a UUID, as text beside the ATS codes
        count(*)         as cases,
        median(days_to_convocation)   as median_days_to_convocation,
        median(days_to_first_meeting) as median_days_to_first_meeting,
        median(days_to_plan)          as median_days_to_plan
    from timed_cases
    where case_manager_key is not null
    group by case_manager_key
),

final as (
    select * from national
    union all
    select * from per_ats
    union all
    select * from per_case_manager
)

-- Sorted so a lookup by (level, territory_code) reads few row groups.
select * from final order by level, territory_code
