-- median_days_to_first_meeting: median, over the cases whose first first_meeting with outcome
-- held falls in m, of (that date - opened_date) in days. The median cannot be summed, so each
-- level takes the median over all its cases. numerator = the median, denominator = the number
-- of cases it is taken over (0, with a null median, when there are none).
with

first_meetings as (
    select ats_code,
           strftime(first_meeting_held_date, '%Y-%m') as month,
           days_to_first_meeting                     as days
    from fct_cases
    where first_meeting_held_date is not null
),

by_territory as (
    select r.level, r.territory_code, f.month,
           median(f.days)::double as median_days,
           count(*)               as cases
    from first_meetings as f
    join dim_ats_rollup as r using (ats_code)
    group by all
),

grid as (
    select t.level, t.territory_code, m.month
    from (select distinct level, territory_code from dim_ats_rollup) as t
    cross join dim_month as m
),

final as (
    select g.level, g.territory_code, g.month,
           b.median_days                 as numerator,
           coalesce(b.cases, 0)::double  as denominator
    from grid as g
    left join by_territory as b using (level, territory_code, month)
)

select * from final
