-- One GePI user. Fiscal code, names and e-mail are dropped; the id becomes a pseudonym.
with source as (select * from valid_operators),

pseudonymized as (
    select source.*, op.key as operator_key
    from source
    left join pmap_operator op on op.id = source.operator_id
),

renamed as (
    select
        -- ids
        operator_key,
        ats_code,
        -- attributes
        role,
        cast(weekly_hours as double) as weekly_hours,
        -- validity
        cast(active_from as date) as active_from,
        cast(active_to as date)   as active_to
    from pseudonymized
)

select * from renamed
