using DuckDB.NET.Data;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.DataDir.FollowUp;

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
        var existing = FollowUpRegister.ReadEpisodes(c, $"select {FollowUpRegister.EpisodeColumns} from episodes order by start_month")
            .ToLookup(e => (e.IndicatorId, e.AtsCode));
        var taken = existing.SelectMany(g => g).Select(e => e.EpisodeId).ToHashSet();
        var claimed = new HashSet<string>();
        var incoming = new List<(string Id, SnapshotEpisodes.Computed Data, Episode? Match)>();
        foreach (var e in data.Episodes)
        {
            var match = existing[(e.IndicatorId, e.AtsCode)].FirstOrDefault(r => !claimed.Contains(r.EpisodeId) && Overlaps(r, e));
            var id = match?.EpisodeId ?? e.EpisodeId;
            if (match is null && taken.Contains(id)) id = $"{e.EpisodeId}:{runId}";   // an unmatched old episode holds the id: never overwrite it
            claimed.Add(id);
            incoming.Add((id, e, match));
        }
        // Staged through appenders and merged set-wise: thousands of episodes and tens of thousands of months at national scale.
        Stage(c, incoming, data);
        using var transaction = c.BeginTransaction();
        FollowUpRegister.Exec(c, """
            insert into episodes (episode_id, indicator_id, ats_code, region_code, start_month, start_value, start_national_value,
                start_severity, worst_severity, last_flagged_month, months_flagged, recovery_months, recovered_month, latest_month,
                latest_value, latest_severity, in_current_data, status, reason, notes, updated_by_id, updated_by_name, updated_at,
                assistance_month, assistance_at, assistance_value, opened_at, opened_run)
            select episode_id, indicator_id, ats_code, region_code, start_month, start_value, start_national_value, start_severity,
                worst_severity, last_flagged_month, months_flagged, recovery_months, recovered_month, latest_month, latest_value,
                latest_severity, true, 'open', null, null, $uid, $uname, $t, null, null, null, $t, $run
            from sync_incoming where is_new;
            -- What the data says is refreshed; the opening month and value stay as first recorded.
            update episodes set region_code = i.region_code, worst_severity = i.worst_severity, last_flagged_month = i.last_flagged_month,
                months_flagged = i.months_flagged, recovery_months = i.recovery_months, recovered_month = i.recovered_month,
                latest_month = i.latest_month, latest_value = i.latest_value, latest_severity = i.latest_severity, in_current_data = true
            from sync_incoming as i where episodes.episode_id = i.episode_id and not i.is_new;
            update episodes set in_current_data = false where episode_id not in (select episode_id from sync_incoming);
            insert into episode_history (change_id, episode_id, kind, previous_status, status, reason, notes, changed_by_id,
                changed_by_name, changed_by_role, changed_at, run_id)
            select nextval('episode_change_id'), episode_id, kind, previous_status, status, null, null, $uid, $uname, $urole, $t, $run
            from (
                select episode_id, 'opened' as kind, null as previous_status, 'open' as status, 0 as k from sync_incoming where is_new
                union all
                select i.episode_id, 'recovered', e.status, e.status, 1 from sync_incoming as i join episodes as e using (episode_id)
                where i.newly_recovered)
            order by k, episode_id;
            insert or replace into episode_months select * from sync_incoming_months;
            drop table sync_incoming; drop table sync_incoming_months;
            """, ("uid", Actor.System.Id), ("uname", Actor.System.Name), ("urole", Actor.System.Role), ("t", now), ("run", runId));
        var (migrated, notMigrated) = MonthKeyedMigration.Run(c, now);
        FollowUpRegister.SetMeta(c, "synced_run_id", runId);
        transaction.Commit();
        var gone = existing.SelectMany(g => g).Count(r => r.InCurrentData && !claimed.Contains(r.EpisodeId));
        return new SyncResult(runId, incoming.Count(i => i.Match is null), incoming.Count(i => i.Match is not null),
            incoming.Count(i => NewlyRecovered(i.Data, i.Match)), gone, migrated, notMigrated);
    });

    private static bool NewlyRecovered(SnapshotEpisodes.Computed e, Episode? match) => e.RecoveredMonth is not null && match?.RecoveredMonth is null;

    private static void Stage(DuckDBConnection c, List<(string Id, SnapshotEpisodes.Computed Data, Episode? Match)> incoming, SnapshotEpisodes data)
    {
        FollowUpRegister.Exec(c, """
            create or replace table sync_incoming (
                episode_id varchar, indicator_id varchar, ats_code varchar, region_code varchar, start_month varchar, start_value double,
                start_national_value double, start_severity varchar, worst_severity varchar, last_flagged_month varchar,
                months_flagged integer, recovery_months integer, recovered_month varchar, latest_month varchar, latest_value double,
                latest_severity varchar, is_new boolean, newly_recovered boolean);
            create or replace table sync_incoming_months as select * from episode_months limit 0;
            """);
        using (var appender = c.CreateAppender("sync_incoming"))
        {
            foreach (var (id, e, match) in incoming)
            {
                var row = appender.CreateRow().AppendValue(id).AppendValue(e.IndicatorId).AppendValue(e.AtsCode).AppendValue(e.RegionCode)
                    .AppendValue(e.StartMonth).AppendValue(e.StartValue).AppendValue(e.StartNationalValue).AppendValue(e.StartSeverity)
                    .AppendValue(e.WorstSeverity).AppendValue(e.LastFlaggedMonth).AppendValue(e.MonthsFlagged).AppendValue(e.RecoveryMonths)
                    .AppendValue(e.RecoveredMonth).AppendValue(e.LatestMonth).AppendValue(e.LatestValue).AppendValue(e.LatestSeverity)
                    .AppendValue(match is null).AppendValue(NewlyRecovered(e, match));
                row.EndRow();
            }
        }
        using (var appender = c.CreateAppender("sync_incoming_months"))
        {
            foreach (var (id, e, _) in incoming)
                foreach (var m in data.Months[e.EpisodeId])
                    appender.CreateRow().AppendValue(id).AppendValue(m.Month).AppendValue(m.Value).AppendValue(m.NationalValue)
                        .AppendValue(m.N).AppendValue(m.LowerAlarm).AppendValue(m.LowerWarning).AppendValue(m.UpperWarning)
                        .AppendValue(m.UpperAlarm).AppendValue(m.Severity).EndRow();
        }
    }

    /// <summary>The register's span [start, recovery or open] and the computed one share a month.</summary>
    private static bool Overlaps(Episode r, SnapshotEpisodes.Computed e) =>
        string.CompareOrdinal(r.StartMonth, e.EndMonth) <= 0 &&
        (r.RecoveredMonth is null || string.CompareOrdinal(e.StartMonth, r.RecoveredMonth) <= 0);
}
