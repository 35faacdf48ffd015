using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;
using Monitoring.Warehouse.Indicators;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Warehouse.Episodes;

/// <summary>
/// Builds <c>flag_episodes</c> from the <c>flags</c> table of a snapshot: one row per episode of an indicator × ATS
/// (<see cref="EpisodeSegmenter"/>), with the value when it opened, the latest value and whether the data shows it
/// recovered. Runs after the flags on every build (full or delta), since episodes span all months. The follow-up
/// register (DATA_DIR/followup.duckdb) takes its episodes from here at every load.
/// </summary>
public static class EpisodeBuilder
{
    public const string Table = "flag_episodes";

    public static void Build(DuckDBConnection connection, IndicatorCatalogue catalogue)
    {
        var months = ReadMonths(connection);
        var rows = new List<object?[]>();
        foreach (var series in ReadPoints(connection).GroupBy(p => (p.IndicatorId, p.AtsCode)))
        {
            var byMonth = series.ToDictionary(p => p.Month);
            var recovery = catalogue.RecoveryMonthsOf(series.Key.IndicatorId);
            var outcomes = months.Select(m => (m, !byMonth.TryGetValue(m, out var p) ? MonthOutcome.NotEvaluated
                : p.Severity is "warning" or "alarm" ? MonthOutcome.Flagged : MonthOutcome.Inside));
            foreach (var e in EpisodeSegmenter.Segment(outcomes, recovery))
            {
                var first = byMonth[e.StartMonth];
                var end = e.RecoveredMonth ?? months[^1];
                var within = series.Where(p => string.CompareOrdinal(p.Month, e.StartMonth) >= 0 && string.CompareOrdinal(p.Month, end) <= 0).ToList();
                var latest = within.MaxBy(p => p.Month)!;
                var worst = within.Any(p => p.Severity == "alarm") ? "alarm" : "warning";
                rows.Add([
                    EpisodeId(series.Key.IndicatorId, series.Key.AtsCode, e.StartMonth), series.Key.IndicatorId, series.Key.AtsCode,
                    first.RegionCode, e.StartMonth, first.Value, first.NationalValue, first.Severity, worst, e.LastFlaggedMonth,
                    e.MonthsFlagged, e.InsideStreak, recovery, e.RecoveredMonth, latest.Month, latest.Value, latest.Severity,
                ]);
            }
        }
        Sql.Exec(connection, $"""
            create or replace table {Table} (
                episode_id varchar primary key, indicator_id varchar, ats_code varchar, region_code varchar,
                start_month varchar, start_value double, start_national_value double, start_severity varchar,
                worst_severity varchar, last_flagged_month varchar, months_flagged integer, inside_streak integer,
                recovery_months integer, recovered_month varchar, latest_month varchar, latest_value double,
                latest_severity varchar)
            """);
        using var appender = connection.CreateAppender(Table);
        foreach (var r in rows)
        {
            var row = appender.CreateRow();
            foreach (var v in r)
            {
                switch (v)
                {
                    case null: row.AppendNullValue(); break;
                    case string s: row.AppendValue(s); break;
                    case int i: row.AppendValue(i); break;
                    case double d: row.AppendValue(d); break;
                    default: throw new InvalidOperationException($"unexpected {v.GetType().Name} in {Table}");
                }
            }
            row.EndRow();
        }
    }

    /// <summary>The id an episode is first known by: indicator, ATS and first flagged month.</summary>
    public static string EpisodeId(string indicatorId, string atsCode, string startMonth) => $"{indicatorId}:{atsCode}:{startMonth}";

    private sealed record Point(string IndicatorId, string AtsCode, string? RegionCode, string Month, string Severity, double? Value, double? NationalValue);

    private static List<string> ReadMonths(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "select month from dim_month order by month";
        using var reader = command.ExecuteReader();
        var months = new List<string>();
        while (reader.Read()) months.Add(reader.GetString(0));
        return months;
    }

    private static List<Point> ReadPoints(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            select f.indicator_id, f.ats_code, a.region_code, f.month, f.severity, f.value, f.national_value
            from flags as f left join dim_ats as a using (ats_code)
            order by f.indicator_id, f.ats_code, f.month
            """;
        using var reader = command.ExecuteReader();
        var points = new List<Point>();
        while (reader.Read())
            points.Add(new Point(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6)));
        return points;
    }
}
