-- dq_export_timeliness_days (data quality): days from the export's reference date to its load (the day this model
-- runs, at load; not run_meta.built_at, which a delta replaces without marking run_meta changed).
-- One export covers every territory, so every ATS, region and the nation carry the same number, and only on the
-- month of the reference date (earlier months were not loaded by this export: no row).
with

territories as (
    select distinct level, territory_code from dim_ats_rollup
),

load as (
    select strftime(reference_date, '%Y-%m') as month,
           date_diff('day', reference_date, current_date) as days
    from run_meta
)

select t.level, t.territory_code, l.month, l.days::double as numerator, null::double as denominator
from territories as t cross join load as l
