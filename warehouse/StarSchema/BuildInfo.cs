using DuckDB.NET.Data;

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
        var hasBuildInfo = Convert.ToInt64(SqlRunner.Scalar(conn,
            "select count(*) from duckdb_tables() where table_name = 'build_info' and database_name = current_database()")) > 0;
        var builtBy = hasBuildInfo ? SqlRunner.Scalar(conn, "select max(model_fingerprint) from build_info") as string : null;
        return builtBy == ModelInputs.Fingerprint();
    }

    /// <summary>Written once the flags are built: the warehouse now holds what these models make.</summary>
    public static void Stamp(DuckDBConnection conn) =>
        SqlRunner.Execute(conn, $"create or replace table build_info as select {SqlRunner.Literal(ModelInputs.Fingerprint())} as model_fingerprint");
}
