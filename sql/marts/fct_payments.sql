-- Payments with the household's ATS in the paid month (dated membership on end(period)).
-- A payment whose municipality has no ATS on that day keeps a null ats_code and counts nowhere.
with

payments as (
    select household_key, period as month, amount_eur, paid_date from stg_payments
),

households as (
    select household_key, municipality_code from stg_households
),

final as (
    select
        p.household_key,
        p.month,
        mm.ats_code,
        mm.region_code,
        p.amount_eur,
        p.paid_date
    from payments as p
    join households as h using (household_key)
    left join dim_municipality_month as mm
      on mm.municipality_code = h.municipality_code
     and mm.month = p.month
)

select * from final
