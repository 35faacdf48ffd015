using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Monitoring.DataDir;

namespace Monitoring.Etl.Schedule.Store;

/// <summary>
/// Where the scheduler keeps its state: Quartz's ADO.NET job store on SQLite (Microsoft.Data.Sqlite)
/// in DATA_DIR/scheduler.sqlite. Triggers keep their next fire time there, so a firing missed while
/// the process was down is found on the next start and handled as the job's misfire policy says.
/// The tables are Quartz's own SQLite schema: the store creates what is missing at startup from the
/// script shipped inside the Quartz 4.7.3 package (Quartz.Impl.AdoJobStore.Schema.create_sqlite.sql,
/// the create-only form of database/tables/tables_sqlite.sql in Quartz.NET's repository, Apache-2.0).
/// </summary>
public static class SchedulerStore
{
    /// <summary>The connection string for the store of <paramref name="dataDir"/> (the file is created on first use).</summary>
    public static string ConnectionString(string dataDir)
    {
        var dir = new DataDirectory(dataDir);
        Directory.CreateDirectory(dir.Root);
        return new SqliteConnectionStringBuilder { DataSource = dir.SchedulerDatabase, Pooling = false, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>
    /// Quartz names a store's rows by scheduler name and keeps schedulers in a process-wide registry by
    /// name: one stable name per DATA_DIR lets a restarted host find its triggers, and hosts on
    /// different data directories (tests) live side by side in one process.
    /// </summary>
    public static string SchedulerName(string dataDir) =>
        "monitoring-etl-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(new DataDirectory(dataDir).Root)))[..12];
}
