using DuckDB.NET.Data;
using Monitoring.Warehouse.Snapshots;

namespace Monitoring.Warehouse.FollowUp;

/// <summary>
/// Brings a snapshot's episodes into the register, once per run id. A computed episode is the register's episode of
/// the same indicator × ATS whose span overlaps it (so a revision of earlier months does not orphan a status); its
/// data fields are refreshed, its id, opening value, status and history are kept. New ones start as open; one the
/// data shows recovered for the first time gets a "recovered" line in its history. Called by every load after it
/// publishes, and by the dashboards when they find the register behind the snapshot in service.
/// </summary>
public static class EpisodeSync
{
    /// <summary>Syncs from the snapshot in service of <paramref name="dataDir"/> (opened read-only); null when there is none.</summary>
    public static SyncResult? FromCurrentSnapshot(string dataDir)
    {
        var store = new SnapshotStore(dataDir);
        if (store.CurrentRunId() is not { } runId || store.CurrentConnectionString() is not { } cs) return null;
        var register = new FollowUpRegister(dataDir);
        if (register.SyncedRunId() == runId) return SyncResult.AlreadySynced(runId);
        SnapshotEpisodes data;
        using (var snapshot = new DuckDBConnection(cs))
        {
            snapshot.Open();
            data = SnapshotEpisodes.Read(snapshot);
        }
        return Sync(register, data, runId);
    }

    public static SyncResult Sync(FollowUpRegister register, SnapshotEpisodes data, string runId) => register.WithConnection(c =>
    {
        if (FollowUpRegister.Meta(c, "synced_run_id") == runId) return SyncResult.AlreadySynced(runId);
        var now = DateTime.UtcNow;
        using var transaction = c.BeginTransaction();
        var existing = FollowUpRegister.ReadEpisodes(c, $"select {FollowUpRegister.EpisodeColumns} from episodes order by start_month")
            .ToLookup(e => (e.IndicatorId, e.AtsCode));
        var claimed = new HashSet<string>();
        // Marked present again below as each computed episode finds its register row.
        FollowUpRegister.Exec(c, "update episodes set in_current_data = false");
        int opened = 0, updated = 0, recovered = 0;
        foreach (var e in data.Episodes)
        {
            var match = existing[(e.IndicatorId, e.AtsCode)]
                .FirstOrDefault(r => !claimed.Contains(r.EpisodeId) && Overlaps(r, e));
            var id = match?.EpisodeId ?? e.EpisodeId;
            if (match is null && FollowUpRegister.GetEpisode(c, id) is not null)
                id = $"{e.EpisodeId}:{runId}";   // an unmatched old episode already holds the id: never overwrite it
            claimed.Add(id);
            if (match is null)
            {
                Insert(c, id, e, now, runId);
                FollowUpRegister.AddHistory(c, id, "opened", null, FollowUpStatus.Open, null, null, Actor.System, now, runId);
                opened++;
            }
            else
            {
                Update(c, id, e);
                updated++;
            }
            if (e.RecoveredMonth is not null && match?.RecoveredMonth is null)
            {
                var status = match?.Status ?? FollowUpStatus.Open;
                FollowUpRegister.AddHistory(c, id, "recovered", status, status, null, null, Actor.System, now, runId);
                recovered++;
            }
            foreach (var m in data.Months[e.EpisodeId]) UpsertMonth(c, id, m);
        }
        var gone = existing.SelectMany(g => g).Count(r => r.InCurrentData && !claimed.Contains(r.EpisodeId));
        var (migrated, notMigrated) = MonthKeyedMigration.Run(c, now);
        FollowUpRegister.SetMeta(c, "synced_run_id", runId);
        transaction.Commit();
        return new SyncResult(runId, opened, updated, recovered, gone, migrated, notMigrated);
    });

    /// <summary>The register's span [start, recovery or open] and the computed one share a month.</summary>
    private static bool Overlaps(Episode r, SnapshotEpisodes.Computed e) =>
        string.CompareOrdinal(r.StartMonth, e.EndMonth) <= 0 &&
        (r.RecoveredMonth is null || string.CompareOrdinal(e.StartMonth, r.RecoveredMonth) <= 0);

    private static void Insert(DuckDBConnection c, string id, SnapshotEpisodes.Computed e, DateTime now, string runId) =>
        FollowUpRegister.Exec(c, """
            insert into episodes (episode_id, indicator_id, ats_code, region_code, start_month, start_value, start_national_value,
                start_severity, worst_severity, last_flagged_month, months_flagged, recovery_months, recovered_month, latest_month,
                latest_value, latest_severity, in_current_data, status, reason, notes, updated_by_id, updated_by_name, updated_at,
                assistance_month, assistance_at, assistance_value, opened_at, opened_run)
            values ($id, $i, $a, $reg, $start, $sv, $snv, $ss, $ws, $lf, $mf, $rm, $rec, $lm, $lv, $ls, true, 'open', null, null,
                $uid, $uname, $t, null, null, null, $t, $run)
            """, [.. Data(id, e), ("uid", Actor.System.Id), ("uname", Actor.System.Name), ("t", now), ("run", runId)]);

    /// <summary>Refreshes what the data says; the opening month and value stay as first recorded.</summary>
    private static void Update(DuckDBConnection c, string id, SnapshotEpisodes.Computed e) =>
        FollowUpRegister.Exec(c, """
            update episodes set region_code = $reg, worst_severity = $ws, last_flagged_month = $lf, months_flagged = $mf,
                recovery_months = $rm, recovered_month = $rec, latest_month = $lm, latest_value = $lv, latest_severity = $ls,
                in_current_data = true
            where episode_id = $id
            """, ("id", id), ("reg", e.RegionCode), ("ws", e.WorstSeverity), ("lf", e.LastFlaggedMonth), ("mf", e.MonthsFlagged),
            ("rm", e.RecoveryMonths), ("rec", e.RecoveredMonth), ("lm", e.LatestMonth), ("lv", e.LatestValue), ("ls", e.LatestSeverity));

    private static (string Name, object? Value)[] Data(string id, SnapshotEpisodes.Computed e) =>
    [
        ("id", id), ("i", e.IndicatorId), ("a", e.AtsCode), ("reg", e.RegionCode), ("start", e.StartMonth), ("sv", e.StartValue),
        ("snv", e.StartNationalValue), ("ss", e.StartSeverity), ("ws", e.WorstSeverity), ("lf", e.LastFlaggedMonth),
        ("mf", e.MonthsFlagged), ("rm", e.RecoveryMonths), ("rec", e.RecoveredMonth), ("lm", e.LatestMonth), ("lv", e.LatestValue),
        ("ls", e.LatestSeverity),
    ];

    private static void UpsertMonth(DuckDBConnection c, string id, EpisodeMonth m) =>
        FollowUpRegister.Exec(c, """
            insert or replace into episode_months (episode_id, month, value, national_value, n, lower_alarm, lower_warning,
                upper_warning, upper_alarm, severity)
            values ($e, $m, $v, $nv, $n, $la, $lw, $uw, $ua, $s)
            """, ("e", id), ("m", m.Month), ("v", m.Value), ("nv", m.NationalValue), ("n", m.N), ("la", m.LowerAlarm),
            ("lw", m.LowerWarning), ("uw", m.UpperWarning), ("ua", m.UpperAlarm), ("s", m.Severity));
}
