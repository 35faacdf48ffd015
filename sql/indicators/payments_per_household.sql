-- Payments whose period is m, by the household's ATS in m (its municipality's dated membership on end(m)); a payment
-- whose municipality has no ATS that month counts nowhere. (household_id, period) is the payments' key, so each row
-- is one household paid. One model, two indicators (catalogue params): households_paid (numerator 1) and
-- average_payment_eur (numerator amount_eur over households paid).
select ats_code, month, household_key, {{numerator}} as numerator, 1 as denominator
from fct_payments
where ats_code is not null
