-- Households (applications), without the applicant's key.
with

households as (
    select * from stg_households
),

final as (
    select
        -- ids
        household_key,
        municipality_code,
        -- composition
        members,
        minors,
        members_over_60,
        members_disabled,
        isee_eur,
        -- measure and pathway
        measure,
        pathway,
        status,
        -- dates
        application_date,
        benefit_start_date,
        benefit_end_date
    from households
)

select * from final
