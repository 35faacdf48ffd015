-- budget_spend_rate: sum(spent_eur) / sum(allocated_eur) per ATS and year. The yearly figure is
-- repeated on every month of its year within the range (it is an annual stock, not a monthly flow:
-- never add it up over months). Null spent counts 0.
with

grid as (
    select a.ats_code, m.month, m.year from dim_ats as a cross join dim_month as m
),

budget as (
    select ats_code, year,
           sum(coalesce(spent_eur, 0))     as spent,
           sum(coalesce(allocated_eur, 0)) as allocated
    from fct_budget
    group by all
),

per_ats as (
    select g.ats_code, g.month,
           coalesce(b.spent, 0)     as numerator,
           coalesce(b.allocated, 0) as denominator
    from grid as g
    left join budget as b using (ats_code, year)
),

rolled_up as (
    select r.level, r.territory_code, p.month,
           sum(p.numerator)::double   as numerator,
           sum(p.denominator)::double as denominator
    from per_ats as p
    join dim_ats_rollup as r using (ats_code)
    group by all
)

select * from rolled_up
