-- households_paid_per_1000_residents: households paid for m / 2011 population of the territory's municipalities on
-- end(m); the catalogue's scale (1,000) makes it per 1,000 residents. No household dimension: residents have none.
with

paid as (
    select ats_code, month, 1 as numerator, 0 as denominator from fct_payments where ats_code is not null
),

residents as (
    select ats_code, month, 0 as numerator, population_2011 as denominator from fct_ats_population_monthly
)

select * from paid
union all
select * from residents
