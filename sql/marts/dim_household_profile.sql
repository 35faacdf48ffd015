-- Who each household is, as the dimensions of indicators-v1.md § Dimensions read it: the household's own
-- attributes on the export day (there is no dated history of them) and its applicant's sex, citizenship and birth
-- year. A household with no applicant that passed validation has null applicant columns (member `unknown`).
with

households as (
    select household_key, measure, pathway, members, minors, members_over_60, members_disabled, isee_eur
    from stg_households
),

-- one applicant per household; should an export carry two, the lowest person key decides, the same on every run
-- (one min_by of the three columns together: one aggregate instead of three over the 1.65M persons)
applicants as (
    select household_key, first_applicant.sex as applicant_sex, first_applicant.citizenship as applicant_citizenship,
           first_applicant.birth_year as applicant_birth_year
    from (
        select household_key, min_by({'sex': sex, 'citizenship': citizenship, 'birth_year': birth_year}, person_key) as first_applicant
        from stg_persons
        where relationship = 'applicant'
        group by household_key
    )
),

final as (
    select h.*, a.applicant_sex, a.applicant_citizenship, a.applicant_birth_year
    from households as h
    left join applicants as a using (household_key)
)

select * from final
