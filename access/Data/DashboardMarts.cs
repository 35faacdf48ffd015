using System.Data.Common;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Access.Data;

/// <summary>
/// The marts built for the dashboards with every snapshot (the <c>dash_*</c> models of sql/marts/models.txt). The
/// panels' SQL lives in them; the C# queries only select from them by scope and month. A snapshot without one of them
/// was built before it existed and is refused with <see cref="OldSnapshotException"/> instead of computing the
/// figures another way.
/// </summary>
public static class DashboardMarts
{
    public const string Prefix = "dash_";

    /// <summary>The dash_* model names, from the same models.txt the warehouse builds them from.</summary>
    public static IReadOnlyList<string> Names() =>
        MartRunner.ModelOrder().Where(m => m.StartsWith(Prefix, StringComparison.Ordinal)).ToList();

    /// <summary>Throws <see cref="OldSnapshotException"/> when the snapshot's warehouse lacks a dashboard mart.</summary>
    public static void Require(DbConnection warehouse, string runId)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = warehouse.CreateCommand())
        {
            command.CommandText = $"select table_name from information_schema.tables where table_name like '{Prefix}%'";
            using var reader = command.ExecuteReader();
            while (reader.Read()) present.Add(reader.GetString(0));
        }
        var missing = Names().Where(m => !present.Contains(m)).ToList();
        if (missing.Count > 0)
            throw new OldSnapshotException(
                $"snapshot {runId} was built by an earlier release, before the dashboard marts {string.Join(", ", missing)}: " +
                "the dashboards do not serve it. Publish a rebuilt snapshot with `etl rebuild --data DATA_DIR` (or the next pipeline run).");
    }
}
