-- Payments summed per ATS and period: households paid and amount. The two benefit indicators read
-- this instead of scanning the ~10M payment rows each. Payments are first summed per municipality
-- and period (one join of the big table, small groups), then placed in the ATS holding the
-- municipality on end(period). (household_id, period) is the payments key (duplicates are
-- quarantined upstream), so counting rows counts distinct households.
with

payments as (
    select household_key, period as month, amount_eur from stg_payments
),

households as (
    select household_key, municipality_code from stg_households
),

by_municipality as (
    select
        h.municipality_code,
        p.month,
        count(*)          as households_paid,
        sum(p.amount_eur) as amount_eur
    from payments as p
    join households as h using (household_key)
    group by all
),

final as (
    select
        mm.ats_code,
        b.month,
        sum(b.households_paid) as households_paid,
        sum(b.amount_eur)      as amount_eur
    from by_municipality as b
    join dim_municipality_month as mm using (municipality_code, month)
    group by all
)

select * from final
