using System.Globalization;
using Monitoring.Warehouse.Disclosure;

namespace Monitoring.Etl.OpenData;

/// <summary>Everything the release reads from the warehouse: run metadata, public indicators, their cells after disclosure control and the territories.</summary>
public sealed record ReleaseInputs(
    string RunId,
    DateOnly ReferenceDate,
    string FirstMonth,
    string LastMonth,
    IReadOnlyList<PublicIndicator> Indicators,
    PublicCells Cells,
    IReadOnlyList<Territory> Territories,
    IReadOnlyList<DimensionMember>? Dimensions = null)
{
    /// <summary>Each (dimension, member)'s place in publishing order, so indicators_by_dimension lists members as the catalogue does.</summary>
    public IReadOnlyDictionary<(string Dimension, string Member), int> MemberOrder { get; } =
        (Dimensions ?? []).Select((d, n) => (d, n)).ToDictionary(x => (x.d.Dimension, x.d.Member), x => x.n);

    public static ReleaseInputs Read(WarehouseSnapshot wh)
    {
        var meta = wh.Rows("select run_id, strftime(reference_date, '%Y-%m-%d'), first_month, last_month from wh.run_meta limit 1").Single();
        var indicators = wh.Rows("""
            with catalogue as (
                select indicator_id, name_it, name_en, description_it, description_en, unit, kind, min_denominator, sort_order
                from wh.indicator_catalogue
                where is_public
            )
            select * from catalogue order by sort_order
            """).Select(r => new PublicIndicator(S(r[0]), S(r[1]), S(r[2]), S(r[3]), S(r[4]), S(r[5]), S(r[6]), D(r[7]) ?? 0)).ToList();

        // The one rule set of every public surface, on the cells the dashboards protect too (same reader, same snapshot).
        var cells = PublicDisclosure.Protect(PublicCellInputs.Read(wh.Connection, "wh."));

        var territories = wh.Rows("""
            with last_month as (
                select max(month) as month from wh.fct_ats_population_monthly
            ),
            ats as (
                select 'ats' as level, a.ats_code as code, a.ats_name as name, a.region_code, coalesce(p.population_2011, 0)::bigint as population_2011
                from wh.dim_ats as a
                left join wh.fct_ats_population_monthly as p on p.ats_code = a.ats_code and p.month = (select month from last_month)
            ),
            regions as (
                select 'region' as level, r.region_code as code, r.region_name as name, r.region_code,
                       coalesce(sum(a.population_2011), 0)::bigint as population_2011
                from wh.dim_region as r
                left join ats as a using (region_code)
                group by all
            ),
            italy as (
                select 'national' as level, 'IT' as code, 'Italia' as name, '' as region_code, coalesce(sum(population_2011), 0)::bigint as population_2011
                from ats
            )
            select * from italy
            union all select * from (select * from regions order by code)
            union all select * from (select * from ats order by code)
            """).Select(r => new Territory(S(r[0]), S(r[1]), S(r[2]), S(r[3]), Convert.ToInt64(r[4], CultureInfo.InvariantCulture))).ToList();

        // A snapshot built before the dimensions has no indicator_dimensions: its release has no member rows either.
        var dimensions = wh.Rows("select count(*) from duckdb_tables() where database_name = 'wh' and table_name = 'indicator_dimensions'")
            .Single()[0] is long and > 0
            ? wh.Rows("select dimension, member, name_it, name_en from wh.indicator_dimensions order by dimension_order, member_order")
                .Select(r => new DimensionMember(S(r[0]), S(r[1]), S(r[2]), S(r[3]))).ToList()
            : [];

        return new ReleaseInputs(S(meta[0]), DateOnly.ParseExact(S(meta[1]), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            S(meta[2]), S(meta[3]), indicators, cells, territories, dimensions);
    }

    static string S(object? v) => v is null ? "" : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
    static double? D(object? v) => v is null ? null : Convert.ToDouble(v, CultureInfo.InvariantCulture);
}
