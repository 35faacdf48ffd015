-- One monthly benefit payment. Partitioned by period (month) in the lake.
with source as (select * from valid_payments),

pseudonymized as (
    select source.*, h.key as household_key
    from source
    left join pmap_household h on h.id = source.household_id
),

renamed as (
    select
        -- ids
        household_key,
        period,
        -- amounts
        cast(amount_eur as decimal(12, 2)) as amount_eur,
        cast(paid_date as date)            as paid_date
    from pseudonymized
)

select * from renamed
