using System.Globalization;
using Monitoring.Etl.OpenData;

namespace Monitoring.Etl.Research;

/// <summary>
/// Generalizes the quasi-identifiers rung by rung (<see cref="GeneralizationStep.Ladder"/>) until no more than
/// the allowed share of households and of persons sits in a combination shared by fewer than k records, then
/// suppresses (drops) the records still in such combinations. Works on hh_base and person_base; leaves hh_qi
/// and person_qi holding the kept records with their generalized values.
/// </summary>
public static class KAnonymizer
{
    public static (GeneralizationStep Step, TableAnonymity Households, TableAnonymity Persons) Apply(WarehouseSnapshot wh, int k, double maxSuppressedShare)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "k must be at least 1");
        foreach (var step in GeneralizationStep.Ladder)
        {
            Build(wh, step);
            var (hh, persons) = (Measure(wh, "hh_qi", QuasiIdentifiers.Household, k), Measure(wh, "person_qi", QuasiIdentifiers.Person, k));
            var last = step == GeneralizationStep.Ladder[^1];
            if (!last && (hh.SuppressedShare > maxSuppressedShare || persons.SuppressedShare > maxSuppressedShare)) continue;
            // Suppress what remains: drop the records of every class smaller than k.
            Suppress(wh, "hh_qi", QuasiIdentifiers.Household, k);
            Suppress(wh, "person_qi", QuasiIdentifiers.Person, k);
            return (step, hh with { AchievedK = MinClass(wh, "hh_qi", QuasiIdentifiers.Household) },
                          persons with { AchievedK = MinClass(wh, "person_qi", QuasiIdentifiers.Person) });
        }
        throw new InvalidOperationException("the generalization ladder is empty");
    }

    static void Build(WarehouseSnapshot wh, GeneralizationStep step)
    {
        wh.Exec($"""
            create or replace table hh_qi as
            with base as (select * from hh_base),
            generalized as (
                select
                    household_key,
                    {step.GeoSql("municipality_code", "ats_code", "municipality_population")} as geo_code,
                    {step.SizeSql("members")} as household_size,
                    coalesce(minors, 0) > 0 as has_minors
                from base
            )
            select * from generalized
            """);
        wh.Exec($"""
            create or replace table person_qi as
            with base as (select * from person_base),
            households as (select * from hh_qi),
            generalized as (
                select
                    b.person_key,
                    b.household_key,
                    h.geo_code,
                    h.household_size,
                    h.has_minors,
                    {step.AgeBandSql("b.age")} as age_band,
                    b.sex,
                    {step.CitizenshipSql("b.citizenship")} as citizenship
                from base as b
                left join households as h using (household_key)
            )
            select * from generalized
            """);
    }

    static TableAnonymity Measure(WarehouseSnapshot wh, string table, IReadOnlyList<string> qi, int k)
    {
        var cols = string.Join(", ", qi);
        var r = wh.Rows($"""
            with classes as (select {cols}, count(*) as n from {table} group by {cols})
            select coalesce(sum(n), 0)::bigint, coalesce(sum(n) filter (where n < {k}), 0)::bigint, count(*) filter (where n >= {k}), coalesce(min(n), 0) from classes
            """).Single();
        return new TableAnonymity(table, qi, L(r[0]), L(r[1]), L(r[2]), L(r[3]));
    }

    static void Suppress(WarehouseSnapshot wh, string table, IReadOnlyList<string> qi, int k)
    {
        var cols = string.Join(", ", qi);
        wh.Exec($"""
            create or replace table {table} as
            with classes as (select {cols}, count(*) as n from {table} group by {cols})
            select t.* from {table} as t
            join classes as c on {string.Join(" and ", qi.Select(q => $"t.{q} is not distinct from c.{q}"))}
            where c.n >= {k}
            """);
    }

    static long MinClass(WarehouseSnapshot wh, string table, IReadOnlyList<string> qi)
    {
        var cols = string.Join(", ", qi);
        return L(wh.Rows($"select coalesce(min(n), 0) from (select count(*) as n from {table} group by {cols})").Single()[0]);
    }

    static long L(object? v) => v is null ? 0 : Convert.ToInt64(v, CultureInfo.InvariantCulture);
}
