-- The budget lines (ATS × year × fund) with the region of their ATS: the planners' budget table, read one
-- region at a time.
with

ats_regions as (
    select distinct ats_code, region_code from dim_ats
),

final as (
    select r.region_code, b.ats_code, b.year, b.fund, b.allocated_eur, b.committed_eur, b.spent_eur
    from fct_budget as b
    join ats_regions as r using (ats_code)
)

select * from final order by region_code, ats_code, year, fund
