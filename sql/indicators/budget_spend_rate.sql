-- budget_spend_rate: sum(spent_eur) / sum(allocated_eur) per ATS and year. The yearly figure is repeated on every
-- month of its year (an annual stock, not a monthly flow: never add it up over months). Null spent counts 0.
select b.ats_code, m.month,
       coalesce(b.spent_eur, 0)     as numerator,
       coalesce(b.allocated_eur, 0) as denominator
from fct_budget as b
join dim_month as m using (year)
