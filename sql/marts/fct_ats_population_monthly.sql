-- 2011 population of each ATS's member municipalities on the last day of each month.
-- Every ATS and month is present (0 when no municipality is a member).
with

grid as (
    select a.ats_code, m.month from dim_ats as a cross join dim_month as m
),

population as (
    select
        mm.ats_code,
        mm.month,
        sum(coalesce(r.population_2011, 0)) as population_2011
    from dim_municipality_month as mm
    left join ref_municipalities as r using (municipality_code)
    group by all
),

final as (
    select
        g.ats_code,
        g.month,
        coalesce(p.population_2011, 0)::bigint as population_2011
    from grid as g
    left join population as p using (ats_code, month)
)

select * from final
