-- Referrals with the ATS of their case and the month of their outcome.
with

referrals as (
    select referral_id, case_key, service_type, sent_date, outcome, outcome_date from stg_referrals
),

cases as (
    select case_key, ats_code from stg_cases
),

final as (
    select
        r.referral_id,
        r.case_key,
        c.ats_code,
        r.service_type,
        r.sent_date,
        r.outcome,
        r.outcome_date,
        strftime(r.outcome_date, '%Y-%m') as outcome_month
    from referrals as r
    join cases as c using (case_key)
)

select * from final
