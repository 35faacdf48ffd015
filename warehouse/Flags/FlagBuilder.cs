using System.Globalization;
using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Warehouse.Flags;

/// <summary>
/// Builds the <c>flags</c> table: reads the ATS points of the flagged indicators
/// (<c>sql/flags/flag_inputs.sql</c>), evaluates each funnel (one indicator, one month) in C#
/// — a few tens of thousands of points at national scale, each a handful of CDF evaluations —
/// appends them to <c>flag_evaluations</c>, then <c>sql/flags/flags.sql</c> adds persistence
/// and the ministry's ordering.
/// </summary>
public static class FlagBuilder
{
    /// <param name="recomputedIndicators">
    /// optional (a delta): the indicators whose values were recomputed. Each funnel (one indicator, one
    /// month) stands alone, so only theirs are evaluated again; every funnel is when the ATS case-manager
    /// counts beside the points (the plain rule) were recomputed too. Null evaluates every funnel.
    /// </param>
    public static void Build(DuckDBConnection connection, FlagOptions options, IReadOnlySet<string>? recomputedIndicators = null)
    {
        if (options.PersistenceMonths < 1) throw new ArgumentOutOfRangeException(nameof(options), "PersistenceMonths must be at least 1.");
        var partial = recomputedIndicators is not null && !recomputedIndicators.Contains(options.CaseManagersIndicator);
        var points = ReadPoints(connection, options).Where(p => !partial || recomputedIndicators!.Contains(p.IndicatorId));
        var evaluations = points
            .GroupBy(p => (p.IndicatorId, p.Month))
            .SelectMany(funnel => FunnelEvaluator.Evaluate(funnel.ToList(), options))
            .ToList();
        if (partial)
        {
            var ids = string.Join(", ", recomputedIndicators!.Select(Sql.Literal).DefaultIfEmpty("''"));
            Sql.Exec(connection, $"delete from flag_evaluations where indicator_id in ({ids})");
        }
        else CreateEvaluations(connection);
        AppendEvaluations(connection, evaluations);

        var select = SqlModels.Load("flags/flags.sql")
            .Replace("{{persistence_window}}", (options.PersistenceMonths - 1).ToString(CultureInfo.InvariantCulture))
            .Replace("{{persistence_months}}", options.PersistenceMonths.ToString(CultureInfo.InvariantCulture));
        Sql.Exec(connection, $"create or replace table flags as\n{select}", Sql.ModelFailed("flags/flags"));
    }

    private static List<FunnelPoint> ReadPoints(DuckDBConnection connection, FlagOptions options)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SqlModels.Load("flags/flag_inputs.sql")
            .Replace("{{case_managers_indicator}}", Sql.Literal(options.CaseManagersIndicator));
        using var reader = command.ExecuteReader();
        var points = new List<FunnelPoint>();
        while (reader.Read())
        {
            points.Add(new FunnelPoint(
                IndicatorId: reader.GetString(0),
                AtsCode: reader.GetString(1),
                Month: reader.GetString(2),
                Numerator: reader.GetDouble(3),
                N: reader.GetDouble(4),
                Value: reader.GetDouble(5),
                NationalValue: reader.GetDouble(6),
                FlagMethod: reader.GetString(7),
                HigherIsBetter: reader.GetBoolean(8),
                CaseManagers: reader.GetDouble(9)));
        }
        return points;
    }

    private static void CreateEvaluations(DuckDBConnection connection) =>
        Sql.Exec(connection, """
            create or replace table flag_evaluations (
                indicator_id varchar, ats_code varchar, month varchar, value double, national_value double,
                n double, numerator double, lower_warning double, upper_warning double, lower_alarm double,
                upper_alarm double, z double, phi double, method varchar, severity varchar,
                plain_rule_breach boolean, plain_rule_share double, case_managers double)
            """);

    private static void AppendEvaluations(DuckDBConnection connection, IReadOnlyList<FlagEvaluation> evaluations)
    {
        using var appender = connection.CreateAppender("flag_evaluations");
        foreach (var e in evaluations)
        {
            var p = e.Point;
            var row = appender.CreateRow()
                .AppendValue(p.IndicatorId).AppendValue(p.AtsCode).AppendValue(p.Month)
                .AppendValue(p.Value).AppendValue(p.NationalValue).AppendValue(p.N).AppendValue(p.Numerator)
                .AppendValue(e.Band.LowerWarning).AppendValue(e.Band.UpperWarning)
                .AppendValue(e.Band.LowerAlarm).AppendValue(e.Band.UpperAlarm)
                .AppendValue(e.Z).AppendValue(e.Phi).AppendValue(e.Band.Method).AppendValue(e.Severity)
                .AppendValue(e.PlainRuleBreach);
            (e.PlainRuleShare is double share ? row.AppendValue(share) : row.AppendNullValue())
                .AppendValue(p.CaseManagers)
                .EndRow();
        }
    }
}
