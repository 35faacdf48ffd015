using Dapper;
using DuckDB.NET.Data;

namespace Monitoring.DataDir.Operations;

/// <summary>
/// The scheduler's job history in DATA_DIR/jobs.duckdb. Every call opens and closes the file, so
/// the scheduler, a manual run-job and the dashboard's operations page can take turns on it
/// (DuckDB lets one process at a time open a file for writing; a brief clash is retried).
/// </summary>
public static class JobHistory
{
    public const string FileName = "jobs.duckdb";

    private const string CreateTable = """
        create table if not exists job_runs (
            job_name        varchar   not null,
            job_type        varchar   not null,
            triggered_by    varchar   not null,
            attempt         integer   not null,
            started_at      timestamp not null,   -- UTC
            finished_at     timestamp not null,   -- UTC
            status          varchar   not null,   -- succeeded | failed | skipped
            rows            bigint,
            export_id       varchar,
            message         varchar,
            retry_scheduled boolean   not null,
            host            varchar   not null,
            pid             integer   not null
        )
        """;

    private const string SelectColumns = """
        select job_name as JobName, job_type as JobType, triggered_by as TriggeredBy, attempt as Attempt,
               started_at as StartedAt, finished_at as FinishedAt, status as Status, rows as Rows,
               export_id as ExportId, message as Message, retry_scheduled as RetryScheduled,
               host as Host, pid as Pid
        """;

    /// <summary>Appends one attempt; creates the file and table on first use.</summary>
    public static void Record(string dataDir, JobRunRecord run)
    {
        Directory.CreateDirectory(dataDir);
        WithConnection(dataDir, readOnly: false, connection =>
        {
            connection.Execute(CreateTable);
            connection.Execute("""
                insert into job_runs values ($JobName, $JobType, $TriggeredBy, $Attempt, $StartedAt, $FinishedAt,
                    $Status, $Rows, $ExportId, $Message, $RetryScheduled, $Host, $Pid)
                """, run);
            return 0;
        });
    }

    /// <summary>The newest <paramref name="n"/> attempts, newest first; empty when no job ever ran.</summary>
    public static IReadOnlyList<JobRunRecord> Recent(string dataDir, int n)
    {
        if (!Exists(dataDir)) return [];
        return WithConnection(dataDir, readOnly: true, connection => !HasTable(connection) ? [] :
            connection.Query<JobRunRecord>(SelectColumns + """

                from job_runs
                order by started_at desc, finished_at desc
                limit $n
                """, new { n }).ToList<JobRunRecord>());
    }

    /// <summary>For each job name, its latest succeeded attempt (ordered by job name); jobs never succeeded are absent.</summary>
    public static IReadOnlyList<JobRunRecord> LastSuccessPerJob(string dataDir)
    {
        if (!Exists(dataDir)) return [];
        return WithConnection(dataDir, readOnly: true, connection => !HasTable(connection) ? [] :
            connection.Query<JobRunRecord>(SelectColumns + """

                from job_runs
                where status = 'succeeded'
                qualify row_number() over (partition by job_name order by finished_at desc) = 1
                order by job_name
                """).ToList<JobRunRecord>());
    }

    // "Could not set lock on file" (another process has it) or, within one process, a read-only
    // reader open at that moment ("different configuration", or a write refused because the shared
    // database instance is "attached in read-only mode").
    private static bool IsBusy(DuckDBException e) =>
        e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("read-only mode", StringComparison.OrdinalIgnoreCase);

    /// <summary>True once a job has been recorded (the operations page says "no history yet" otherwise).</summary>
    public static bool Exists(string dataDir) => File.Exists(new DataDirectory(dataDir).JobsDatabase);

    // The file can exist a moment before its table does (the first Record is creating it).
    private static bool HasTable(DuckDBConnection connection) =>
        connection.ExecuteScalar<long>("select count(*) from information_schema.tables where table_name = 'job_runs'") > 0;

    private static T WithConnection<T>(string dataDir, bool readOnly, Func<DuckDBConnection, T> work)
    {
        var path = new DataDirectory(dataDir).JobsDatabase;
        var connectionString = readOnly ? $"Data Source={path};ACCESS_MODE=READ_ONLY" : $"Data Source={path}";
        // Another process may have the file open this very moment (DuckDB's file lock): wait a little, then give up loudly.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = new DuckDBConnection(connectionString);
                connection.Open();
                return work(connection);
            }
            catch (DuckDBException e) when (attempt < 50 && IsBusy(e))
            {
                Thread.Sleep(100);
            }
        }
    }
}
