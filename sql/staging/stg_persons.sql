-- One household member. Names dropped, fiscal code → pseudonym, birth date → birth year.
with source as (select * from valid_persons),

pseudonymized as (
    select source.*, p.key as person_key, h.key as household_key, fc.key as fiscal_code_key
    from source
    left join pmap_person p       on p.id  = source.person_id
    left join pmap_household h    on h.id  = source.household_id
    left join pmap_fiscal_code fc on fc.id = source.fiscal_code
),

renamed as (
    select
        -- ids
        person_key,
        household_key,
        fiscal_code_key,
        -- attributes
        cast(year(cast(birth_date as date)) as integer) as birth_year,
        sex,
        citizenship,
        relationship,
        cast(labour_activable as boolean) as labour_activable
    from pseudonymized
)

select * from renamed
