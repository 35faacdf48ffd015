-- One household's application. Applicant's fiscal code → pseudonym; address dropped.
with source as (select * from valid_households),

pseudonymized as (
    select source.*, h.key as household_key, fc.key as applicant_key
    from source
    left join pmap_household h    on h.id  = source.household_id
    left join pmap_fiscal_code fc on fc.id = source.applicant_fiscal_code
),

renamed as (
    select
        -- ids
        household_key,
        applicant_key,
        municipality_code,
        -- composition
        cast(members as integer)          as members,
        cast(minors as integer)           as minors,
        cast(members_over_60 as integer)  as members_over_60,
        cast(members_disabled as integer) as members_disabled,
        -- means test
        cast(isee_eur as decimal(12, 2))  as isee_eur,
        -- measure
        measure,
        pathway,
        status,
        -- dates
        cast(application_date as date)   as application_date,
        cast(benefit_start_date as date) as benefit_start_date,
        cast(benefit_end_date as date)   as benefit_end_date
    from pseudonymized
)

select * from renamed
