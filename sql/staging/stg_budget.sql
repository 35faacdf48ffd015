-- One fund line of one ATS in one year.
with source as (select * from valid_budget),

renamed as (
    select
        -- ids
        ats_code,
        cast(year as integer) as year,
        fund,
        -- amounts
        cast(allocated_eur as decimal(14, 2)) as allocated_eur,
        cast(committed_eur as decimal(14, 2)) as committed_eur,
        cast(spent_eur as decimal(14, 2))     as spent_eur
    from source
)

select * from renamed
