-- Case managers active in each month: role case_manager, active_from <= end(m) and
-- (active_to null or active_to >= first day of m). One row per operator and month.
with

case_managers as (
    select * from dim_operator where role = 'case_manager'
),

final as (
    select
        o.ats_code,
        m.month,
        o.operator_key,
        o.fte
    from case_managers as o
    join dim_month as m
      on o.active_from <= m.month_end
     and (o.active_to is null or o.active_to >= m.month_start)
)

select * from final
