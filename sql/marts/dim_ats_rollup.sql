-- Which territory of each level an ATS rolls up to: itself, its region, the nation.
-- Indicators join their per-ATS sums to this table and sum again, so every value above ATS
-- level is a ratio of sums, never an average of ATS ratios.
with

ats as (
    select ats_code, region_code from dim_ats
),

final as (
    select ats_code, 'ats'      as level, ats_code    as territory_code from ats
    union all
    select ats_code, 'region'   as level, region_code as territory_code from ats
    union all
    select ats_code, 'national' as level, 'IT'        as territory_code from ats
)

select * from final
