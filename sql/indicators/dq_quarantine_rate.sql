-- dq_quarantine_rate (data quality): rows of the export placed in the ATS that were quarantined / rows of the
-- export placed in the ATS (etl/Pipeline/QuarantineByAts.cs), on the month of the reference date only (catalogue
-- months "reference"): it describes one load, not a month of activity.
select q.ats_code, strftime(r.reference_date, '%Y-%m') as month,
       q.quarantined as numerator, q."read" as denominator
from quarantine_by_ats as q
cross join run_meta as r
