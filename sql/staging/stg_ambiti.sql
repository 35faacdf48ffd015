-- One ATS (GePI tenant). No personal data: codes and names of public bodies.
with source as (select * from valid_ambiti),

renamed as (
    select
        -- ids
        ats_code,
        region_code,
        -- labels
        ats_name
    from source
)

select * from renamed
