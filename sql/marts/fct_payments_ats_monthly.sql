-- Payments summed per ATS and period: households paid (distinct) and amount. The two benefit
-- indicators read this instead of scanning the ~10M payment rows each.
with

payments as (
    select ats_code, month, household_key, amount_eur from fct_payments where ats_code is not null
),

final as (
    select
        ats_code,
        month,
        count(distinct household_key) as households_paid,
        sum(amount_eur)               as amount_eur
    from payments
    group by all
)

select * from final
