using System.Globalization;

namespace Monitoring.Etl.Research;

/// <summary>
/// k-anonymity against linkage. For each rung of <see cref="GeneralizationStep.Ladder"/> it generalizes the key
/// variables (<see cref="KeyVariables"/>) and builds every household's combined key across households, cases and
/// persons (hh_keys) and every person's (person_keys); then it suppresses — whole households, with their persons,
/// cases, events, referrals and payments — every household in a class smaller than k or with a member in one,
/// again until none is left (removing a household can shrink another's class). The first rung whose suppression
/// stays within the allowed share is kept (else the last, with what it must suppress). Threshold: every kept
/// record's individual re-identification risk 1/f_k ≤ 1/k on the combined keys.
/// Leaves hh_g, person_g, case_g (generalized values) and kept_households for the extract's queries.
/// </summary>
public static class KAnonymizer
{
    public sealed record Outcome(GeneralizationStep Step, IReadOnlyList<RungTrial> Trials, DisclosureRisk HouseholdsBefore, DisclosureRisk PersonsBefore,
        DisclosureRisk HouseholdsAfter, DisclosureRisk PersonsAfter, long Households, long HouseholdsSuppressed, long Persons, long PersonsSuppressed);

    public static Outcome Apply(OpenData.WarehouseSnapshot wh, int k, double maxSuppressedShare)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "k must be at least 1");
        var trials = new List<RungTrial>();
        DisclosureRisk? hhBefore = null, personsBefore = null;
        foreach (var step in GeneralizationStep.Ladder)
        {
            Build(wh, step);
            var hh = Risk(wh, "hh_keys", "households", k, keptOnly: false);
            var persons = Risk(wh, "person_keys", "persons", k, keptOnly: false);
            hhBefore ??= hh; personsBefore ??= persons;
            var suppressed = Suppress(wh, k);
            var share = hh.Records == 0 ? 0 : (double)suppressed / hh.Records;
            var last = step == GeneralizationStep.Ladder[^1];
            var chosen = last || share <= maxSuppressedShare;
            trials.Add(new RungTrial(step.Rung, hh, persons, suppressed, share, chosen));
            if (!chosen) continue;
            var hhAfter = Risk(wh, "hh_keys", "households", k, keptOnly: true);
            var personsAfter = Risk(wh, "person_keys", "persons", k, keptOnly: true);
            return new Outcome(step, trials, hhBefore, personsBefore!, hhAfter, personsAfter,
                hh.Records, suppressed, persons.Records, persons.Records - personsAfter.Records);
        }
        throw new InvalidOperationException("the generalization ladder is empty");
    }

    static void Build(OpenData.WarehouseSnapshot wh, GeneralizationStep step)
    {
        wh.Exec($"""
            create or replace table hh_g as
            select
                household_key,
                {(step.RegionOnly ? "'region'" : "'ats'")} as area_level,
                {step.AreaSql("ats_code", "region_code")} as area_code,
                {step.SizeSql("members")} as household_size,
                coalesce(minors, 0) > 0 as has_minors,
                {step.IseeSql("isee_eur")} as isee_band,
                measure,
                pathway,
                {(step.KeepStatusAndEnd ? "status" : "null::varchar")} as status,
                {(step.OneAbsolutePeriod ? "null::varchar" : step.PeriodSql("application_date"))} as application_period,
                {step.PeriodSql("benefit_start_date")} as benefit_start_period,
                {(step.KeepStatusAndEnd ? step.PeriodSql("benefit_end_date") : "null::varchar")} as benefit_end_period
            from hh_base
            """);
        wh.Exec($"""
            create or replace table person_g as
            select person_key, household_key, {step.AgeBandSql("age")} as age_band,
                   {(step.PersonsAgeOnly ? "null::varchar" : "sex")} as sex,
                   {(step.PersonsAgeOnly ? "null::varchar" : step.CitizenshipSql("citizenship"))} as citizenship
            from person_base
            """);
        wh.Exec($"""
            create or replace table case_g as
            select case_key, household_key, {step.AreaSql("ats_code", "region_code")} as area_code, {(step.OneAbsolutePeriod ? "null::varchar" : step.PeriodSql("opened_date"))} as opened_period
            from case_base
            """);
        // The combined keys, as an intruder joining the written files would form them ('~' stands for a missing value).
        wh.Exec("""
            create or replace table hh_keys as
            with cases as (
                select household_key, string_agg(coalesce(area_code, '~') || '@' || coalesce(opened_period, '~'), ',' order by area_code, opened_period) as cases
                from case_g group by household_key
            ),
            members as (
                select household_key, string_agg(coalesce(age_band, '~'), ',' order by age_band) as members
                from person_g group by household_key
            )
            select h.household_key,
                   concat_ws('|', coalesce(h.area_code, '~'), coalesce(h.household_size, '~'), h.has_minors::varchar, coalesce(h.isee_band, '~'),
                             coalesce(h.measure, '~'), coalesce(h.pathway, '~'), coalesce(h.status, '~'), coalesce(h.application_period, '~'),
                             coalesce(h.benefit_start_period, '~'), coalesce(h.benefit_end_period, '~'), coalesce(c.cases, ''), coalesce(m.members, '')) as key
            from hh_g as h
            left join cases as c using (household_key)
            left join members as m using (household_key)
            """);
        wh.Exec("""
            create or replace table person_keys as
            select p.person_key, p.household_key,
                   k.key || '|' || coalesce(p.age_band, '~') || '|' || coalesce(p.sex, '~') || '|' || coalesce(p.citizenship, '~') as key
            from person_g as p
            join hh_keys as k using (household_key)
            """);
    }

    /// <summary>Fills kept_households with the households that survive; returns how many were suppressed.</summary>
    static long Suppress(OpenData.WarehouseSnapshot wh, int k)
    {
        wh.Exec("create or replace table kept_households as select household_key from hh_keys");
        while (true)
        {
            wh.Exec($"""
                create or replace table drop_now as
                with hh as (
                    select household_key, count(*) over (partition by key) as n
                    from hh_keys semi join kept_households using (household_key)
                ),
                persons as (
                    select household_key, count(*) over (partition by key) as n
                    from person_keys semi join kept_households using (household_key)
                )
                select household_key from hh where n < {k}
                union
                select household_key from persons where n < {k}
                """);
            if (L(wh.Rows("select count(*) from drop_now").Single()[0]) == 0) break;
            wh.Exec("delete from kept_households where household_key in (select household_key from drop_now)");
        }
        return L(wh.Rows("select (select count(*) from hh_keys) - (select count(*) from kept_households)").Single()[0]);
    }

    static DisclosureRisk Risk(OpenData.WarehouseSnapshot wh, string keys, string table, int k, bool keptOnly)
    {
        var source = keptOnly ? $"(select * from {keys} semi join kept_households using (household_key))" : keys;
        var r = wh.Rows($"""
            with classes as (select key, count(*) as n from {source} group by key)
            select coalesce(sum(n), 0)::bigint, count(*), count(*) filter (where n = 1), coalesce(sum(n) filter (where n < {k}), 0)::bigint,
                   coalesce(min(n), 0), coalesce(max(1.0 / n), 0), coalesce(sum(1.0) / nullif(sum(n), 0), 0), count(*)::double
            from classes
            """).Single();
        // Σ over records of 1/f_k = the number of classes; mean individual risk = classes / records.
        return new DisclosureRisk(table, L(r[0]), L(r[1]), L(r[2]), L(r[3]), L(r[4]), D(r[5]), D(r[6]), D(r[7]));
    }

    static long L(object? v) => v is null ? 0 : Convert.ToInt64(v, CultureInfo.InvariantCulture);
    static double D(object? v) => v is null ? 0 : Convert.ToDouble(v, CultureInfo.InvariantCulture);
}
