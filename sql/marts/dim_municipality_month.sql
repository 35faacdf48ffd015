-- The ATS of each municipality on the last day of each month, from the dated membership.
-- valid_to is taken as inclusive (null = still valid). When two memberships hold on the same
-- day (a move recorded as valid_to = valid_from of the next row) the latest valid_from wins.
with

membership as (
    select ats_code, municipality_code, valid_from, valid_to from stg_ambito_comuni
),

held_on_month_end as (
    select
        mb.municipality_code,
        m.month,
        mb.ats_code,
        row_number() over (
            partition by mb.municipality_code, m.month
            order by mb.valid_from desc, mb.ats_code
        ) as pick
    from membership as mb
    join dim_month as m
      on mb.valid_from <= m.month_end
     and (mb.valid_to is null or mb.valid_to >= m.month_end)
),

final as (
    select
        h.municipality_code,
        h.month,
        h.ats_code,
        a.region_code
    from held_on_month_end as h
    join dim_ats as a using (ats_code)
    where h.pick = 1
)

select * from final
