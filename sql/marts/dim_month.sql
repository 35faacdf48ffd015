-- One row per month of the monitoring range: run_meta.first_month .. run_meta.last_month.
with

bounds as (
    select
        strptime(first_month || '-01', '%Y-%m-%d')::date as first_start,
        strptime(last_month  || '-01', '%Y-%m-%d')::date as last_start
    from run_meta
),

months as (
    select unnest(generate_series(first_start, last_start, interval 1 month))::date as month_start
    from bounds
),

final as (
    select
        strftime(month_start, '%Y-%m')          as month,
        month_start,
        last_day(month_start)                   as month_end,
        year(month_start)::int                  as year,
        row_number() over (order by month_start)::int as month_index
    from months
)

select * from final
