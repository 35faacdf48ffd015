-- One municipality's dated membership of an ATS.
with source as (select * from valid_ambito_comuni),

renamed as (
    select
        -- ids
        ats_code,
        municipality_code,
        -- validity
        cast(valid_from as date) as valid_from,
        cast(valid_to as date)   as valid_to
    from source
)

select * from renamed
