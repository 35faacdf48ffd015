using DuckDB.NET.Data;

namespace Monitoring.DataDir.FollowUp;

/// <summary>
/// Carries the entries of the first, month-keyed register (<c>followup</c> keyed by indicator, ATS, month, and its
/// <c>followup_history</c>) onto the episodes that hold their month. Per episode the most recent entry gives the status
/// and notes — unless a user already set the episode's status — and every old change is copied into the episode's
/// history as kind "migrated" (the old register recorded the role as "who"). An assistance_activated entry also dates
/// the assistance (its month, its time). Each carried entry is listed in <c>followup_migrated</c>; an entry whose month
/// is in no episode of the data in service stays where it is and is tried again at the next load. The old tables are
/// never changed.
/// </summary>
internal static class MonthKeyedMigration
{
    private sealed record OldEntry(string IndicatorId, string AtsCode, string Month, string Status, string? Notes, string UpdatedBy, DateTime UpdatedAt);

    public static (int Migrated, int NotMigrated) Run(DuckDBConnection c, DateTime now)
    {
        if (!FollowUpRegister.HasTable(c, "followup")) return (0, 0);
        var pending = new List<OldEntry>();
        using (var command = FollowUpRegister.Command(c, """
            select f.indicator_id, f.ats_code, f.month, f.status, f.notes, f.updated_by, f.updated_at
            from followup as f anti join followup_migrated as m using (indicator_id, ats_code, month)
            order by f.updated_at
            """))
        using (var r = command.ExecuteReader())
        {
            while (r.Read())
                pending.Add(new OldEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetDateTime(6)));
        }
        var hasHistory = FollowUpRegister.HasTable(c, "followup_history");
        int migrated = 0, notMigrated = 0;
        foreach (var entry in pending)
        {
            var episode = FollowUpRegister.ReadEpisodes(c, $"""
                select {FollowUpRegister.EpisodeColumns} from episodes
                where indicator_id = $i and ats_code = $a and start_month <= $m and $m <= coalesce(recovered_month, latest_month)
                order by start_month limit 1
                """, ("i", entry.IndicatorId), ("a", entry.AtsCode), ("m", entry.Month)).FirstOrDefault();
            if (episode is null) { notMigrated++; continue; }
            var by = new Actor(entry.UpdatedBy, entry.UpdatedBy, entry.UpdatedBy);
            CopyHistory(c, episode.EpisodeId, entry, hasHistory, by);
            // Entries come oldest first, so the latest one of an episode is applied last; a user's own change wins.
            if (!HasUserChange(c, episode.EpisodeId))
            {
                var status = FollowUpStatusText.Parse(entry.Status);
                var assist = status == FollowUpStatus.AssistanceActivated && episode.AssistanceMonth is null;
                FollowUpRegister.Exec(c, """
                    update episodes set status = $s, notes = $n, updated_by_id = $u, updated_by_name = $u, updated_at = $t,
                        assistance_month = case when $assist then $m else assistance_month end,
                        assistance_at = case when $assist then $t else assistance_at end,
                        assistance_value = case when $assist
                            then (select value from episode_months where episode_id = $e and month = $m) else assistance_value end
                    where episode_id = $e
                    """, ("s", entry.Status), ("n", entry.Notes), ("u", entry.UpdatedBy), ("t", entry.UpdatedAt), ("assist", assist),
                    ("m", entry.Month), ("e", episode.EpisodeId));
            }
            FollowUpRegister.Exec(c, "insert into followup_migrated values ($i, $a, $m, $e, $t)",
                ("i", entry.IndicatorId), ("a", entry.AtsCode), ("m", entry.Month), ("e", episode.EpisodeId), ("t", now));
            migrated++;
        }
        return (migrated, notMigrated);
    }

    private static void CopyHistory(DuckDBConnection c, string episodeId, OldEntry entry, bool hasHistory, Actor by)
    {
        var copied = false;
        if (hasHistory)
        {
            using var command = FollowUpRegister.Command(c, """
                select previous_status, status, notes, updated_by, updated_at from followup_history
                where indicator_id = $i and ats_code = $a and month = $m order by change_id
                """, ("i", entry.IndicatorId), ("a", entry.AtsCode), ("m", entry.Month));
            using var r = command.ExecuteReader();
            var rows = new List<(string? Previous, string Status, string? Notes, string By, DateTime At)>();
            while (r.Read())
                rows.Add((r.IsDBNull(0) ? null : r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetDateTime(4)));
            foreach (var row in rows)
            {
                FollowUpRegister.AddHistory(c, episodeId, "migrated", row.Previous is null ? null : FollowUpStatusText.Parse(row.Previous),
                    FollowUpStatusText.Parse(row.Status), null, row.Notes, new Actor(row.By, row.By, row.By), row.At, runId: null);
                copied = true;
            }
        }
        if (!copied)
            FollowUpRegister.AddHistory(c, episodeId, "migrated", null, FollowUpStatusText.Parse(entry.Status), null, entry.Notes, by,
                entry.UpdatedAt, runId: null);
    }

    private static bool HasUserChange(DuckDBConnection c, string episodeId)
    {
        using var command = FollowUpRegister.Command(c,
            "select count(*) from episode_history where episode_id = $e and kind = 'status'", ("e", episodeId));
        return Convert.ToInt64(command.ExecuteScalar()) > 0;
    }

}
