-- One referral of a case to a service.
with source as (select * from valid_referrals),

pseudonymized as (
    select source.*, c.key as case_key
    from source
    left join pmap_case c on c.id = source.case_id
),

renamed as (
    select
        -- ids
        referral_id,
        case_key,
        -- referral
        service_type,
        outcome,
        cast(sent_date as date)    as sent_date,
        cast(outcome_date as date) as outcome_date
    from pseudonymized
)

select * from renamed
