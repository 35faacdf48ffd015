-- The flags table: the funnel evaluations (written by Monitoring.Warehouse.Flags.FlagBuilder) with
-- persistence and the ministry's ordering. A flag (warning or alarm) is persistent when the ATS was
-- flagged in each of the last {{persistence_months}} consecutive months (a month without an
-- evaluation, e.g. censored or with no cases, breaks the run). priority orders the ministry's list:
-- 1 persistent alarm, 2 alarm, 3 persistent warning, 4 warning, 9 no flag; then distance_se
-- (|z| in standard errors) descending.
with

evaluations as (
    select e.*, m.month_index
    from flag_evaluations as e
    join dim_month as m using (month)
),

runs as (
    select
        *,
        severity <> 'none' as flagged,
        sum(case when severity <> 'none' then 1 else 0 end) over recent as flagged_in_window,
        min(month_index) over recent as window_first_month_index
    from evaluations
    window recent as (
        partition by indicator_id, ats_code
        order by month_index
        rows between {{persistence_window}} preceding and current row)
),

with_persistence as (
    select
        *,
        flagged
          and flagged_in_window = {{persistence_months}}
          and window_first_month_index = month_index - {{persistence_window}} as persistent
    from runs
),

final as (
    select
        indicator_id,
        ats_code,
        month,
        value,
        national_value,
        n,
        lower_warning,
        upper_warning,
        lower_alarm,
        upper_alarm,
        z,
        method,
        severity,
        persistent,
        plain_rule_breach,
        plain_rule_share,
        numerator,
        phi,
        case_managers,
        abs(z) as distance_se,
        case
            when severity = 'alarm'   and persistent then 1
            when severity = 'alarm'                  then 2
            when severity = 'warning' and persistent then 3
            when severity = 'warning'                then 4
            else 9
        end as priority
    from with_persistence
)

select * from final
