using DuckDB.NET.Data;
using Monitoring.Etl.Contract;
using Monitoring.Etl.Lake;
using Monitoring.DataDir;

namespace Monitoring.Etl.Pipeline;

/// <summary>
/// The state a delta export applies to: the lake of the snapshot in service. A delta row replaces
/// the earlier row with the same key and never deletes; codes in a delta resolve against the delta
/// or the current state. The state holds pseudonyms only, so a delta's raw ids are matched to it
/// through their pseudonyms (same key, same pseudonym on every run).
/// </summary>
public static class PreviousState
{
    /// <summary>
    /// Refuses a delta onto a snapshot built by a release that stored pseudonyms as text (before they were
    /// UUIDs): its keys cannot be matched, so the state must be loaded again from a full export. Likewise onto a
    /// lake with a missing, truncated or altered file (named in the message).
    /// </summary>
    public static void CheckCompatible(DuckDBConnection conn, string previousSnapshot)
    {
        // Every file the delta will link or read, checked before anything is written: a damaged lake refuses the delta.
        var lakeDir = DataDirectory.LakeDir(previousSnapshot);
        try { foreach (var table in LakeTable.All) table.Verify(lakeDir); }
        catch (LakeDamagedException e)
        {
            throw new Read.ExportRefusedException($"{e.Message}: the state in service cannot take a delta; load a full export");
        }
        var households = LakeTable.For("households").ReadSql(lakeDir);
        var keyType = Sql.Scalar<string>(conn, $"SELECT typeof(household_key) FROM {households} LIMIT 1");
        if (keyType is not null && keyType != "UUID")
            throw new Read.ExportRefusedException(
                $"the snapshot in service ({Path.GetFileName(previousSnapshot)}) holds pseudonyms as {keyType}, from an earlier release: load a full export before applying a delta");
    }

    /// <summary>SQL yielding the raw ids of <paramref name="file"/> already known in the current state (delta only).</summary>
    public static string? KnownIdsSql(FileSpec file, string? previousSnapshot, bool isDelta)
    {
        if (!isDelta || previousSnapshot is null || !Validate.FileValidator.IsReferenced(file)) return null;
        var lake = LakeTable.For(file.Stem);
        var read = lake.ReadSql(DataDirectory.LakeDir(previousSnapshot));
        var keyColumn = file.Column(file.Key[0]);
        return keyColumn.PseudonymDomain is { } domain
            ? $"SELECT id FROM pmap_{domain} WHERE key IN (SELECT {lake.Key[0]} FROM {read})"
            : $"SELECT {lake.Key[0]} AS id FROM {read}";
    }

    /// <summary>
    /// For a file the delta does not carry but others refer to: its known ids are those of the
    /// current state (matched through the pseudonyms of the ids this delta mentions).
    /// </summary>
    public static void KnownFromPreviousOnly(DuckDBConnection conn, FileSpec file, string previousSnapshot)
    {
        if (!Validate.FileValidator.IsReferenced(file)) return;
        var domain = file.Column(file.Key[0]).PseudonymDomain;
        var mapExists = domain is null || Sql.Scalar<long>(conn, $"SELECT count(*) FROM duckdb_tables() WHERE table_name = 'pmap_{domain}'") > 0;
        var sql = mapExists ? KnownIdsSql(file, previousSnapshot, isDelta: true) : "SELECT NULL::VARCHAR AS id WHERE false";
        Sql.Exec(conn, $"CREATE OR REPLACE TABLE known_{file.Stem} AS {sql}");
    }
}
