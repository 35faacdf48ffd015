using DuckDB.NET.Data;
using Monitoring.Etl.Read;

namespace Monitoring.Etl;

/// <summary>Small helpers for running DuckDB statements; engine errors become refusals that name the file.</summary>
public static class Sql
{
    public static void Exec(DuckDBConnection conn, string sql, string? errorPrefix = null)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        try { cmd.ExecuteNonQuery(); }
        catch (DuckDBException e) when (errorPrefix is not null)
        {
            // DuckDB's CSV errors quote the offending line, which may hold personal data: keep only the first sentence.
            var first = e.Message.Split('\n')[0];
            throw new ExportRefusedException(errorPrefix + first);
        }
    }

    public static T Scalar<T>(DuckDBConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var v = cmd.ExecuteScalar();
        return v is null or DBNull ? default! : (T)Convert.ChangeType(v, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
