-- The ATS points the funnels compare: every ATS value of a flagged indicator (flag_method binomial
-- or poisson in the catalogue) with a positive denominator, beside the national value of the same
-- month and the ATS's active case managers (for the plain rule).
with

flagged_indicators as (
    select indicator_id, flag_method, higher_is_better
    from indicator_catalogue
    where flag_method in ('binomial', 'poisson')
),

ats_values as (
    select v.indicator_id, v.territory_code as ats_code, v.month, v.numerator, v.denominator, v.value
    from indicator_values as v
    join flagged_indicators as f using (indicator_id)
    where v.level = 'ats' and v.denominator > 0 and v.value is not null
),

national_values as (
    select indicator_id, month, value as national_value
    from indicator_values
    where level = 'national' and value is not null
),

case_managers as (
    select territory_code as ats_code, month, numerator as case_managers
    from indicator_values
    where indicator_id = {{case_managers_indicator}} and level = 'ats'
),

final as (
    select
        a.indicator_id,
        a.ats_code,
        a.month,
        a.numerator,
        a.denominator,
        a.value,
        n.national_value,
        f.flag_method,
        f.higher_is_better,
        coalesce(c.case_managers, 0) as case_managers
    from ats_values as a
    join flagged_indicators as f using (indicator_id)
    join national_values as n using (indicator_id, month)
    left join case_managers as c using (ats_code, month)
)

select * from final
order by indicator_id, month, ats_code
