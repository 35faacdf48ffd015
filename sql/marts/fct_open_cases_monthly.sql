-- Cases open on the last day of each month, per ATS and case manager.
-- A case is open on day d when opened_date <= d and (closed_date is null or closed_date > d).
with

cases as (
    select case_key, ats_code, case_manager_key, opened_date, closed_date from stg_cases
),

open_on_month_end as (
    select
        c.ats_code,
        c.case_manager_key,
        m.month
    from cases as c
    join dim_month as m
      on c.opened_date <= m.month_end
     and (c.closed_date is null or c.closed_date > m.month_end)
),

final as (
    select
        ats_code,
        case_manager_key,
        month,
        count(*) as open_cases
    from open_on_month_end
    group by all
)

select * from final
