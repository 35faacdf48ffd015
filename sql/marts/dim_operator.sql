-- Operators with their full-time equivalent (36 weekly hours = 1.0; unknown hours count 1.0).
with

operators as (
    select operator_key, role, ats_code, active_from, active_to, weekly_hours from stg_operators
),

final as (
    select
        *,
        coalesce(weekly_hours / 36.0, 1.0) as fte
    from operators
)

select * from final
