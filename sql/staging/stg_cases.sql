-- One case. Notes (free text, may name people) never leave the landing area.
with source as (select * from valid_cases),

pseudonymized as (
    select source.*, c.key as case_key, h.key as household_key, op.key as case_manager_key
    from source
    left join pmap_case c       on c.id  = source.case_id
    left join pmap_household h  on h.id  = source.household_id
    left join pmap_operator op  on op.id = source.case_manager_id
),

renamed as (
    select
        -- ids
        case_key,
        household_key,
        ats_code,
        case_manager_key,
        -- dates
        cast(opened_date as date) as opened_date,
        cast(closed_date as date) as closed_date,
        -- outcome
        closure_reason
    from pseudonymized
)

select * from renamed
