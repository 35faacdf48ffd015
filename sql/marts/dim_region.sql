-- Regions that hold at least one ATS, named from the ISTAT list.
with

ats_regions as (
    select distinct region_code from stg_ambiti
),

istat_names as (
    select region_code, any_value(region_name) as region_name
    from ref_municipalities
    group by region_code
),

final as (
    select
        r.region_code,
        coalesce(n.region_name, r.region_code) as region_name
    from ats_regions as r
    left join istat_names as n using (region_code)
)

select * from final
