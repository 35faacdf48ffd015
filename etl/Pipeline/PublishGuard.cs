using System.Globalization;
using DuckDB.NET.Data;
using Monitoring.Etl.Lake;
using Monitoring.Etl.Read;
using Monitoring.DataDir;
using Monitoring.DataDir.Runs;

namespace Monitoring.Etl.Pipeline;

/// <summary>
/// The last check before a snapshot replaces the one in service: an export that quarantines more than
/// a set share of a file, or (a full export) loads far fewer rows of a file than the snapshot in
/// service holds, is refused, with the file named — an `ambiti.csv` holding only its header would
/// otherwise quarantine every dependent row and publish an almost empty snapshot with exit 0.
/// Thresholds come from the environment (MONITORING_MAX_QUARANTINED, MONITORING_MAX_ROW_LOSS) or the
/// command line (--max-quarantined, --max-row-loss), as a fraction (0.05) or a percentage (5%);
/// an operator who has looked at the numbers can publish anyway with --force.
/// </summary>
public sealed record PublishGuard(double MaxQuarantinedShare, double MaxRowLossShare, bool Force)
{
    public const string QuarantinedVariable = "MONITORING_MAX_QUARANTINED";
    public const string RowLossVariable = "MONITORING_MAX_ROW_LOSS";
    public const double DefaultShare = 0.05;

    public static PublishGuard Default => new(DefaultShare, DefaultShare, false);

    /// <summary>The thresholds configured in the environment, defaults otherwise.</summary>
    public static PublishGuard FromEnvironment() => new(
        ParseShare(Environment.GetEnvironmentVariable(QuarantinedVariable), QuarantinedVariable) ?? DefaultShare,
        ParseShare(Environment.GetEnvironmentVariable(RowLossVariable), RowLossVariable) ?? DefaultShare,
        false);

    /// <summary>"5%", "0.05" or null; anything else is an error naming the setting.</summary>
    public static double? ParseShare(string? text, string setting)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        var percent = t.EndsWith('%');
        if (!double.TryParse(percent ? t[..^1] : t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0 || (percent ? v > 100 : v > 1))
            throw new ArgumentException($"{setting}: '{text}' is not a share (write 0.05 or 5%)");
        return percent ? v / 100 : v;
    }

    /// <summary>Refuses the run when a file breaks a threshold, unless forced; a forced breach becomes a warning.</summary>
    public void Check(RunReport report, DuckDBConnection conn, string? previousSnapshot, bool isDelta, Action<string> warn)
    {
        var problems = new List<string>();
        foreach (var (file, c) in report.Files)
        {
            if (c.Read > 0 && (double)c.Quarantined / c.Read > MaxQuarantinedShare)
            {
                var top = c.Reasons.OrderByDescending(kv => kv.Value).First();
                problems.Add($"{file}: {c.Quarantined:N0} of {c.Read:N0} rows quarantined ({Percent((double)c.Quarantined / c.Read)}), above the {Percent(MaxQuarantinedShare)} allowed (mostly {top.Key}: {top.Value:N0})");
            }
        }
        // A delta never deletes, so only a full export can lose the rows of the snapshot in service.
        if (!isDelta && previousSnapshot is not null)
        {
            foreach (var (file, c) in report.Files)
            {
                long before;
                // A damaged lake in service cannot be compared with; a full export is how it is replaced, so an
                // operator who has read which file is damaged publishes with --force.
                try { before = RowsInService(conn, previousSnapshot, LakeTable.For(Path.GetFileNameWithoutExtension(file))); }
                catch (LakeDamagedException e) { problems.Add($"{file}: cannot compare with the snapshot in service: {e.Message}"); continue; }
                if (before > 0 && (double)(before - c.Loaded) / before > MaxRowLossShare)
                    problems.Add($"{file}: {c.Loaded:N0} rows would be loaded against {before:N0} in the snapshot in service ({Path.GetFileName(previousSnapshot)}), {Percent((double)(before - c.Loaded) / before)} fewer, above the {Percent(MaxRowLossShare)} allowed");
            }
        }
        if (problems.Count == 0) return;
        if (Force)
        {
            foreach (var p in problems) warn($"published anyway (--force): {p}");
            return;
        }
        throw new ExportRefusedException(string.Join("; ", problems) +
            ". Nothing was published and the snapshot in service stays; check the quarantine, or publish anyway with --force");
    }

    /// <summary>Rows of a table in the snapshot in service (Parquet footers only); an empty table may have written no file.</summary>
    static long RowsInService(DuckDBConnection conn, string snapshot, LakeTable lake)
    {
        var lakeDir = DataDirectory.LakeDir(snapshot);
        var folder = Path.Combine(lakeDir, lake.Stem);
        if (!Directory.Exists(folder) || !Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories).Any()) return 0;
        return Sql.Scalar<long>(conn, $"SELECT count(*) FROM {lake.ReadSql(lakeDir)}");
    }

    static string Percent(double share) => share.ToString("0.#%", CultureInfo.InvariantCulture);
}
