using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Warehouse.Indicators;

/// <summary>
/// Runs every indicator's SQL (rows of level, territory_code, month, numerator, denominator) and
/// unions them into <c>indicator_values</c>, computing the value from the indicator's kind:
/// count → value = numerator, denominator null; ratio → numerator / denominator, null when the
/// denominator is 0; median → value = numerator (the median), denominator = cases, null when 0.
/// </summary>
public static class IndicatorRunner
{
    public static readonly string[] Levels = ["ats", "region", "national", "case_manager"];

    /// <param name="modelTimer">optional: seconds per indicator, for profiling.</param>
    /// <param name="changed">
    /// optional: the tables rebuilt or changed since indicator_values was last computed (a delta).
    /// Only the indicators reading one of them are recomputed; null recomputes all.
    /// </param>
    /// <returns>The ids of the indicators computed.</returns>
    public static IReadOnlySet<string> Run(DuckDBConnection connection, IndicatorCatalogue catalogue, Action<string, double>? modelTimer = null,
        IReadOnlySet<string>? changed = null)
    {
        catalogue.WriteTable(connection);
        var indicators = catalogue.Indicators
            .Where(i => changed is null || ModelInputs.DependsOn(SqlModels.Load($"indicators/{i.Sql}"), changed))
            .ToList();
        if (changed is not null)
        {
            var ids = string.Join(", ", indicators.Select(i => Sql.Literal(i.Id)).DefaultIfEmpty("''"));
            Sql.Exec(connection, $"delete from indicator_values where indicator_id in ({ids})");
        }
        else Sql.Exec(connection, """
            create or replace table indicator_values (
                indicator_id   varchar not null,
                level          varchar not null,
                territory_code varchar not null,
                month          varchar not null,
                numerator      double,
                denominator    double,
                value          double)
            """);
        foreach (var indicator in indicators)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var select = SqlModels.Load($"indicators/{indicator.Sql}");
            var (denominator, value) = indicator.Kind switch
            {
                "count" => ("null::double", "numerator"),
                "ratio" => ("denominator", "case when denominator is null or denominator = 0 then null else numerator / denominator end"),
                "median" => ("coalesce(denominator, 0)", "case when denominator > 0 then numerator end"),
                _ => throw new InvalidOperationException($"Unknown kind {indicator.Kind}"),
            };
            Sql.Exec(connection, $"""
                insert into indicator_values
                select '{indicator.Id}', level, territory_code, month,
                       numerator::double, ({denominator})::double, ({value})::double
                from (
                {select}
                ) as model
                """, Sql.ModelFailed($"indicators/{indicator.Sql}"));
            modelTimer?.Invoke(indicator.Id, clock.Elapsed.TotalSeconds);
        }
        CheckShape(connection);
        return indicators.Select(i => i.Id).ToHashSet();
    }

    /// <summary>Fails the build when a model returns an unknown level or two rows for one cell.</summary>
    private static void CheckShape(DuckDBConnection connection)
    {
        var levels = string.Join(", ", Levels.Select(Sql.Literal));
        var badLevels = Sql.Scalar(connection,
            $"select string_agg(distinct indicator_id || ':' || level, ', ') from indicator_values where level not in ({levels})");
        if (badLevels is string bad)
            throw new InvalidOperationException($"Indicator models returned unknown levels: {bad}");
        var duplicated = Sql.Scalar(connection, """
            select string_agg(distinct indicator_id, ', ') from (
                select indicator_id from indicator_values
                group by indicator_id, level, territory_code, month having count(*) > 1)
            """);
        if (duplicated is string dup)
            throw new InvalidOperationException($"Indicator models returned duplicated cells: {dup}");
    }
}
