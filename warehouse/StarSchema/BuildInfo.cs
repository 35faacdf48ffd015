using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;

namespace Monitoring.Warehouse.StarSchema;

/// <summary>
/// <c>build_info(model_fingerprint)</c>: which models (<see cref="ModelInputs.Fingerprint"/>, every file under sql/)
/// built a warehouse's marts, indicators and flags. A delta rebuilds only downstream of what it changed when the
/// warehouse in service was built by these same models, and everything otherwise.
/// </summary>
public static class BuildInfo
{
    public static bool IsBuiltByTheseModels(DuckDBConnection conn)
    {
        var hasBuildInfo = Convert.ToInt64(Sql.Scalar(conn,
            "select count(*) from duckdb_tables() where table_name = 'build_info' and database_name = current_database()")) > 0;
        var builtBy = hasBuildInfo ? Sql.Scalar(conn, "select max(model_fingerprint) from build_info") as string : null;
        return builtBy == ModelInputs.Fingerprint();
    }

    /// <summary>Written once the flags are built: the warehouse now holds what these models make.</summary>
    public static void Stamp(DuckDBConnection conn) =>
        Sql.Exec(conn, $"create or replace table build_info as select {Sql.Literal(ModelInputs.Fingerprint())} as model_fingerprint");
}
