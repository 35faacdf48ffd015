using System.Data.Common;
using DuckDB.NET.Data;

namespace Monitoring.DataDir.FollowUp;

/// <summary>
/// The follow-up register in DATA_DIR/followup.duckdb: outside the snapshots, so it survives every rebuild. It holds
/// flag episodes (one indicator × ATS from its first flagged month until it is back inside the limits), their status
/// and full history, and each month's value as loaded. Loads bring the data in (<see cref="EpisodeSync"/>); ministry
/// users change the status (<see cref="SetStatus"/>). Each call opens and closes the file (a brief lock clash with
/// another process — the dashboard, a load — is retried). Notes and reasons are free text typed by ministry users:
/// callers must not put personal data in them, and nothing here logs them.
/// </summary>
public sealed class FollowUpRegister
{
    public const string FileName = "followup.duckdb";

    private static readonly object Gate = new();
    private readonly string _path;

    public FollowUpRegister(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        _path = new DataDirectory(dataDir).FollowUpDatabase;
    }

    public string FilePath => _path;

    internal const string EpisodeColumns = """
        episode_id, indicator_id, ats_code, region_code, start_month, start_value, start_national_value, start_severity,
        worst_severity, last_flagged_month, months_flagged, recovery_months, recovered_month, latest_month, latest_value,
        latest_severity, in_current_data, status, reason, notes, updated_by_id, updated_by_name, updated_at,
        assistance_month, assistance_at, assistance_value, opened_at
        """;

    /// <summary>Every episode, newest first.</summary>
    public IReadOnlyList<Episode> Episodes() => WithConnection(c =>
        ReadEpisodes(c, $"select {EpisodeColumns} from episodes order by start_month desc, indicator_id, ats_code"));

    public Episode? Get(string episodeId) => WithConnection(c => GetEpisode(c, episodeId));

    /// <summary>The episode of an indicator × ATS that holds <paramref name="month"/>, if any.</summary>
    public Episode? ForMonth(string indicatorId, string atsCode, string month) => WithConnection(c =>
        ReadEpisodes(c, $"""
            select {EpisodeColumns} from episodes
            where indicator_id = $i and ats_code = $a and start_month <= $m and $m <= coalesce(recovered_month, latest_month)
            order by start_month limit 1
            """, ("i", indicatorId), ("a", atsCode), ("m", month)).FirstOrDefault());

    /// <summary>The months recorded for an episode, oldest first.</summary>
    public IReadOnlyList<EpisodeMonth> Months(string episodeId) => WithConnection(c =>
    {
        using var command = Command(c, """
            select episode_id, month, value, national_value, n, lower_alarm, lower_warning, upper_warning, upper_alarm, severity
            from episode_months where episode_id = $e order by month
            """, ("e", episodeId));
        using var r = command.ExecuteReader();
        var months = new List<EpisodeMonth>();
        while (r.Read())
            months.Add(new EpisodeMonth(r.GetString(0), r.GetString(1), D(r, 2), D(r, 3), D(r, 4), D(r, 5), D(r, 6), D(r, 7), D(r, 8), r.GetString(9)));
        return months;
    });

    /// <summary>Every change of one episode, oldest first.</summary>
    public IReadOnlyList<EpisodeChange> History(string episodeId) => WithConnection(c => ReadHistory(c, "where episode_id = $e", ("e", episodeId)));

    /// <summary>Every change since <paramref name="since"/> (UTC), oldest first: what alerts are made of.</summary>
    public IReadOnlyList<EpisodeChange> ChangesSince(DateTime since) => WithConnection(c => ReadHistory(c, "where changed_at > $t", ("t", since)));

    /// <summary>The run whose snapshot the register last took its episodes from.</summary>
    public string? SyncedRunId() => WithConnection(c => Meta(c, "synced_run_id"));

    /// <summary>
    /// Sets an episode's status, by a signed-in user. closed_no_action needs a reason. The first time an episode
    /// becomes assistance_activated, the register records when and at which month and value (the latest loaded), from
    /// which recovery after assistance is measured. Notes null = keep the current notes.
    /// </summary>
    public Episode SetStatus(string episodeId, FollowUpStatus status, Actor by, string? notes = null, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(episodeId);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(by.Id);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (status == FollowUpStatus.ClosedNoAction && reason is null)
            throw new ArgumentException("closed_no_action needs a reason", nameof(reason));
        var now = DateTime.UtcNow;
        return WithConnection(c =>
        {
            using var transaction = c.BeginTransaction();
            var current = GetEpisode(c, episodeId) ?? throw new KeyNotFoundException($"no episode {episodeId}");
            var newNotes = notes is null ? current.Notes : notes.Trim();
            var newReason = status == FollowUpStatus.ClosedNoAction ? reason : null;
            var startsAssistance = status == FollowUpStatus.AssistanceActivated && current.AssistanceMonth is null;
            Exec(c, """
                update episodes set status = $s, reason = $r, notes = $n, updated_by_id = $uid, updated_by_name = $uname, updated_at = $t,
                    assistance_month = case when $assist then latest_month else assistance_month end,
                    assistance_at = case when $assist then $t else assistance_at end,
                    assistance_value = case when $assist then latest_value else assistance_value end
                where episode_id = $e
                """, ("s", FollowUpStatusText.ToText(status)), ("r", newReason), ("n", newNotes), ("uid", by.Id), ("uname", by.Name),
                ("t", now), ("assist", startsAssistance), ("e", episodeId));
            AddHistory(c, episodeId, "status", current.Status, status, newReason, newNotes, by, now, runId: null);
            transaction.Commit();
            return GetEpisode(c, episodeId)!;
        });
    }

    internal static void AddHistory(DuckDBConnection c, string episodeId, string kind, FollowUpStatus? previous, FollowUpStatus status,
        string? reason, string? notes, Actor by, DateTime at, string? runId) =>
        Exec(c, """
            insert into episode_history (change_id, episode_id, kind, previous_status, status, reason, notes,
                changed_by_id, changed_by_name, changed_by_role, changed_at, run_id)
            values (nextval('episode_change_id'), $e, $k, $p, $s, $r, $n, $uid, $uname, $urole, $t, $run)
            """, ("e", episodeId), ("k", kind), ("p", previous is { } p ? FollowUpStatusText.ToText(p) : null),
            ("s", FollowUpStatusText.ToText(status)), ("r", reason), ("n", notes), ("uid", by.Id), ("uname", by.Name),
            ("urole", by.Role), ("t", at), ("run", runId));

    internal static Episode? GetEpisode(DuckDBConnection c, string episodeId) =>
        ReadEpisodes(c, $"select {EpisodeColumns} from episodes where episode_id = $e", ("e", episodeId)).FirstOrDefault();

    internal static List<Episode> ReadEpisodes(DuckDBConnection c, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(c, sql, parameters);
        using var r = command.ExecuteReader();
        var episodes = new List<Episode>();
        while (r.Read())
        {
            episodes.Add(new Episode(
                r.GetString(0), r.GetString(1), r.GetString(2), S(r, 3), r.GetString(4), D(r, 5), D(r, 6), r.GetString(7),
                r.GetString(8), r.GetString(9), r.GetInt32(10), r.GetInt32(11), S(r, 12), r.GetString(13), D(r, 14),
                r.GetString(15), r.GetBoolean(16), FollowUpStatusText.Parse(r.GetString(17)), S(r, 18), S(r, 19),
                r.GetString(20), r.GetString(21), r.GetDateTime(22), S(r, 23), r.IsDBNull(24) ? null : r.GetDateTime(24),
                D(r, 25), r.GetDateTime(26)));
        }
        return episodes;
    }

    private static List<EpisodeChange> ReadHistory(DuckDBConnection c, string where, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(c, $"""
            select change_id, episode_id, kind, previous_status, status, reason, notes, changed_by_id, changed_by_name,
                changed_by_role, changed_at, run_id
            from episode_history {where} order by change_id
            """, parameters);
        using var r = command.ExecuteReader();
        var changes = new List<EpisodeChange>();
        while (r.Read())
        {
            changes.Add(new EpisodeChange(r.GetInt64(0), r.GetString(1), r.GetString(2),
                r.IsDBNull(3) ? null : FollowUpStatusText.Parse(r.GetString(3)), FollowUpStatusText.Parse(r.GetString(4)),
                S(r, 5), S(r, 6), r.GetString(7), r.GetString(8), r.GetString(9), r.GetDateTime(10), S(r, 11)));
        }
        return changes;
    }

    internal static string? Meta(DuckDBConnection c, string key)
    {
        using var command = Command(c, "select value from register_meta where key = $k", ("k", key));
        return command.ExecuteScalar() as string;
    }

    internal static void SetMeta(DuckDBConnection c, string key, string value) =>
        Exec(c, "insert or replace into register_meta (key, value) values ($k, $v)", ("k", key), ("v", value));

    /// <summary>Whether the connection's own database holds a table (a snapshot or register of an earlier release may not).</summary>
    internal static bool HasTable(DuckDBConnection c, string table)
    {
        using var command = Command(c,
            "select count(*) from duckdb_tables() where table_name = $t and database_name = current_database()", ("t", table));
        return Convert.ToInt64(command.ExecuteScalar()) > 0;
    }

    internal static DuckDBCommand Command(DuckDBConnection c, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = c.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        return command;
    }

    internal static int Exec(DuckDBConnection c, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(c, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static string? S(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static double? D(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    internal T WithConnection<T>(Func<DuckDBConnection, T> work)
    {
        lock (Gate)
        {
            // Another process (the dashboard, a load, a maintenance script) may hold the file's lock: wait a little.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var connection = new DuckDBConnection($"Data Source={_path}");
                    connection.Open();
                    RegisterSchema.Ensure(connection);
                    return work(connection);
                }
                catch (DuckDBException e) when (attempt < 50 && e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
                {
                    Thread.Sleep(100);
                }
            }
        }
    }
}
