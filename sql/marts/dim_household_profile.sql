-- Who each household is, as the dimensions of indicators-v1.md § Dimensions read it: the household's own
-- attributes on the export day (there is no dated history of them) and its applicant's sex, citizenship and birth
-- year. A household with no applicant that passed validation has null applicant columns (member `unknown`).
with

households as (
    select household_key, measure, pathway, members, minors, members_over_60, members_disabled, isee_eur
    from stg_households
),

-- one applicant per household; should an export carry two, the lowest person key decides, the same on every run
applicants as (
    select household_key,
           arg_min(sex, person_key)         as applicant_sex,
           arg_min(citizenship, person_key) as applicant_citizenship,
           arg_min(birth_year, person_key)  as applicant_birth_year
    from stg_persons
    where relationship = 'applicant'
    group by household_key
),

final as (
    select h.*, a.applicant_sex, a.applicant_citizenship, a.applicant_birth_year
    from households as h
    left join applicants as a using (household_key)
)

select * from final
