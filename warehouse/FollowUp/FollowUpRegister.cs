using DuckDB.NET.Data;

namespace Monitoring.Warehouse.FollowUp;

/// <summary>
/// The red-flag follow-up register in DATA_DIR/followup.duckdb: outside the snapshots, so it
/// survives every rebuild. Each call opens and closes the file (one writer process at a time,
/// the dashboard; a brief lock clash with another process is retried), and every change is kept
/// in <c>followup_history</c>. Notes are free text typed by ministry users: callers must not put
/// personal data in them, and nothing here logs them.
/// </summary>
public sealed class FollowUpRegister
{
    public const string FileName = "followup.duckdb";

    private static readonly object Gate = new();
    private readonly string _path;

    public FollowUpRegister(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        _path = Path.Combine(dataDir, FileName);
    }

    public string FilePath => _path;

    public IReadOnlyList<FollowUpEntry> ReadAll() => WithConnection(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            select indicator_id, ats_code, month, status, notes, updated_by, updated_at
            from followup order by month desc, indicator_id, ats_code
            """;
        using var reader = command.ExecuteReader();
        var entries = new List<FollowUpEntry>();
        while (reader.Read()) entries.Add(ReadEntry(reader));
        return entries;
    });

    public FollowUpEntry? Get(string indicatorId, string atsCode, string month) => WithConnection(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            select indicator_id, ats_code, month, status, notes, updated_by, updated_at
            from followup where indicator_id = $i and ats_code = $a and month = $m
            """;
        AddKey(command, indicatorId, atsCode, month);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadEntry(reader) : null;
    });

    /// <summary>Sets the status (and the notes, when given; null keeps the current notes).</summary>
    public FollowUpEntry SetStatus(string indicatorId, string atsCode, string month, FollowUpStatus status,
        string updatedBy, string? notes = null) =>
        Upsert(indicatorId, atsCode, month, status, notes, keepNotes: notes is null, updatedBy);

    /// <summary>Replaces the notes; a flag never seen before starts as open.</summary>
    public FollowUpEntry SetNotes(string indicatorId, string atsCode, string month, string? notes, string updatedBy)
    {
        var current = Get(indicatorId, atsCode, month);
        return Upsert(indicatorId, atsCode, month, current?.Status ?? FollowUpStatus.Open, notes, keepNotes: false, updatedBy);
    }

    /// <summary>Every change of one flag, oldest first.</summary>
    public IReadOnlyList<FollowUpChange> History(string indicatorId, string atsCode, string month) => WithConnection(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            select indicator_id, ats_code, month, previous_status, status, notes, updated_by, updated_at
            from followup_history where indicator_id = $i and ats_code = $a and month = $m
            order by change_id
            """;
        AddKey(command, indicatorId, atsCode, month);
        using var reader = command.ExecuteReader();
        var changes = new List<FollowUpChange>();
        while (reader.Read())
        {
            changes.Add(new FollowUpChange(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : FollowUpStatusText.Parse(reader.GetString(3)),
                FollowUpStatusText.Parse(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6), reader.GetDateTime(7)));
        }
        return changes;
    });

    private FollowUpEntry Upsert(string indicatorId, string atsCode, string month, FollowUpStatus status,
        string? notes, bool keepNotes, string updatedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indicatorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(atsCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(month);
        ArgumentException.ThrowIfNullOrWhiteSpace(updatedBy);
        var now = DateTime.UtcNow;
        return WithConnection(connection =>
        {
            using var transaction = connection.BeginTransaction();
            string? previousStatus = null;
            string? previousNotes = null;
            using (var read = connection.CreateCommand())
            {
                read.CommandText = "select status, notes from followup where indicator_id = $i and ats_code = $a and month = $m";
                AddKey(read, indicatorId, atsCode, month);
                using var reader = read.ExecuteReader();
                if (reader.Read())
                {
                    previousStatus = reader.GetString(0);
                    previousNotes = reader.IsDBNull(1) ? null : reader.GetString(1);
                }
            }
            var newNotes = keepNotes ? previousNotes : notes;
            using (var write = connection.CreateCommand())
            {
                write.CommandText = """
                    insert or replace into followup (indicator_id, ats_code, month, status, notes, updated_by, updated_at)
                    values ($i, $a, $m, $s, $n, $u, $t);
                    """;
                AddKey(write, indicatorId, atsCode, month);
                AddChange(write, status, newNotes, updatedBy, now);
                write.ExecuteNonQuery();
            }
            using (var history = connection.CreateCommand())
            {
                history.CommandText = """
                    insert into followup_history (change_id, indicator_id, ats_code, month, previous_status, status, notes, updated_by, updated_at)
                    values (nextval('followup_change_id'), $i, $a, $m, $p, $s, $n, $u, $t);
                    """;
                AddKey(history, indicatorId, atsCode, month);
                AddChange(history, status, newNotes, updatedBy, now);
                history.Parameters.Add(new DuckDBParameter("p", (object?)previousStatus ?? DBNull.Value));
                history.ExecuteNonQuery();
            }
            transaction.Commit();
            return new FollowUpEntry(indicatorId, atsCode, month, status, newNotes, updatedBy, now);
        });
    }

    private static void AddKey(DuckDBCommand command, string indicatorId, string atsCode, string month)
    {
        command.Parameters.Add(new DuckDBParameter("i", indicatorId));
        command.Parameters.Add(new DuckDBParameter("a", atsCode));
        command.Parameters.Add(new DuckDBParameter("m", month));
    }

    private static void AddChange(DuckDBCommand command, FollowUpStatus status, string? notes, string updatedBy, DateTime at)
    {
        command.Parameters.Add(new DuckDBParameter("s", FollowUpStatusText.ToText(status)));
        command.Parameters.Add(new DuckDBParameter("n", (object?)notes ?? DBNull.Value));
        command.Parameters.Add(new DuckDBParameter("u", updatedBy));
        command.Parameters.Add(new DuckDBParameter("t", at));
    }

    private static FollowUpEntry ReadEntry(System.Data.Common.DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2),
        FollowUpStatusText.Parse(reader.GetString(3)),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetString(5), reader.GetDateTime(6));

    private T WithConnection<T>(Func<DuckDBConnection, T> work)
    {
        lock (Gate)
        {
            // Another process (a second dashboard instance, a maintenance script) may hold the file's lock: wait a little.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var connection = new DuckDBConnection($"Data Source={_path}");
                    connection.Open();
                    EnsureSchema(connection);
                    return work(connection);
                }
                catch (DuckDBException e) when (attempt < 50 && e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
                {
                    Thread.Sleep(100);
                }
            }
        }
    }

    private static void EnsureSchema(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            create table if not exists followup (
                indicator_id varchar not null,
                ats_code     varchar not null,
                month        varchar not null,
                status       varchar not null check (status in ('open', 'contacted', 'assistance_activated', 'resolved')),
                notes        varchar,
                updated_by   varchar not null,
                updated_at   timestamp not null,   -- UTC
                primary key (indicator_id, ats_code, month));
            create sequence if not exists followup_change_id;
            create table if not exists followup_history (
                change_id       bigint primary key,
                indicator_id    varchar not null,
                ats_code        varchar not null,
                month           varchar not null,
                previous_status varchar,
                status          varchar not null,
                notes           varchar,
                updated_by      varchar not null,
                updated_at      timestamp not null);
            """;
        command.ExecuteNonQuery();
    }
}
