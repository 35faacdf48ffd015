-- One row per ATS (tenant) with its region.
with

ambiti as (
    select ats_code, ats_name, region_code from stg_ambiti
),

final as (
    select
        a.ats_code,
        a.ats_name,
        a.region_code,
        r.region_name
    from ambiti as a
    left join dim_region as r using (region_code)
)

select * from final
