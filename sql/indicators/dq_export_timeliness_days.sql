-- dq_export_timeliness_days (data quality): days from the export's reference date to its load (the day this model
-- runs, at load; not run_meta.built_at, which a delta replaces without marking run_meta changed). One export covers
-- every territory: every ATS carries the same number, which the catalogue's rollup "max" carries up unchanged, and
-- only on the month of the reference date (catalogue months "reference").
select a.ats_code, strftime(r.reference_date, '%Y-%m') as month,
       date_diff('day', r.reference_date, current_date) as numerator
from dim_ats as a
cross join run_meta as r
