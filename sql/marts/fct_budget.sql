-- Budget lines per ATS, year and fund.
with

budget as (
    select ats_code, year, fund, allocated_eur, committed_eur, spent_eur from stg_budget
),

final as (
    select * from budget
)

select * from final
