-- Municipalities with their dated ATS membership and ISTAT attributes.
with

membership as (
    select ats_code, municipality_code, valid_from, valid_to from stg_ambito_comuni
),

municipalities as (
    select * from ref_municipalities
),

final as (
    select
        mb.municipality_code,
        mu.municipality_name,
        mu.province_code,
        mu.province_name,
        mu.region_code,
        mu.region_name,
        mb.ats_code,
        mb.valid_from,
        mb.valid_to,
        mu.population_2011
    from membership as mb
    left join municipalities as mu using (municipality_code)
)

select * from final
