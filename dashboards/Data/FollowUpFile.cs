using Dapper;
using DuckDB.NET.Data;

namespace Monitoring.Dashboards.Data;

/// <summary>
/// The red-flag follow-up register, DATA_DIR/followup.duckdb (outside snapshots, so it survives every rebuild).
/// A stand-in until Monitoring.Warehouse.FollowUp.FollowUpRegister lands; same file, one table `followup`.
/// Opened per operation: DuckDB allows one writer process at a time, so it is never held open.
/// </summary>
public sealed class FollowUpFile(SnapshotLocator locator)
{
    public static readonly IReadOnlyList<string> Statuses = ["open", "contacted", "assistance_activated", "resolved"];
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public IReadOnlyDictionary<(string, string, string), FollowUpEntry> All()
    {
        if (!File.Exists(locator.FollowUpPath)) return new Dictionary<(string, string, string), FollowUpEntry>();
        Gate.Wait();
        try
        {
            using var c = Open();
            return c.Query("select indicator_id, ats_code, month, status, notes, updated_at from followup")
                .Cast<IDictionary<string, object?>>()
                .Select(r => new FollowUpEntry((string)r["indicator_id"]!, (string)r["ats_code"]!, (string)r["month"]!,
                    (string)r["status"]!, r["notes"] as string, r["updated_at"] is DateTime t ? new DateTimeOffset(t, TimeSpan.Zero) : null))
                .ToDictionary(e => (e.IndicatorId, e.AtsCode, e.Month));
        }
        finally { Gate.Release(); }
    }

    public void Upsert(FollowUpEntry entry, string updatedBy)
    {
        if (!Statuses.Contains(entry.Status)) throw new ArgumentException($"unknown follow-up status '{entry.Status}'");
        Gate.Wait();
        try
        {
            using var c = Open();
            c.Execute("""
                insert or replace into followup (indicator_id, ats_code, month, status, notes, updated_at, updated_by)
                values ($indicator_id, $ats_code, $month, $status, $notes, now()::timestamp, $updated_by)
                """, new { indicator_id = entry.IndicatorId, ats_code = entry.AtsCode, month = entry.Month, status = entry.Status, notes = entry.Notes, updated_by = updatedBy });
        }
        finally { Gate.Release(); }
    }

    private DuckDBConnection Open()
    {
        var c = new DuckDBConnection($"Data Source={locator.FollowUpPath}");
        c.Open();
        c.Execute("""
            create table if not exists followup (
              indicator_id varchar not null, ats_code varchar not null, month varchar not null,
              status varchar not null, notes varchar, updated_at timestamp, updated_by varchar,
              primary key (indicator_id, ats_code, month))
            """);
        return c;
    }
}
