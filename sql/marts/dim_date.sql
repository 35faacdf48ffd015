-- One row per day of the monitoring range.
with

days as (
    select unnest(generate_series(
        (select min(month_start) from dim_month),
        (select max(month_end)   from dim_month),
        interval 1 day))::date as date
),

final as (
    select
        d.date,
        m.month,
        m.year,
        m.month_start,
        m.month_end
    from days as d
    join dim_month as m on d.date between m.month_start and m.month_end
)

select * from final
