using System.Globalization;
using DuckDB.NET.Data;

namespace Monitoring.Warehouse.DuckDb;

/// <summary>
/// The one helper for SQL text on a DuckDB connection, for every project (etl, warehouse, tools): run a statement,
/// read a scalar, and write a value or a name into SQL text. Write every string literal through
/// <see cref="Literal"/> and every quoted name through <see cref="Identifier"/>, never with a hand-written escape.
/// </summary>
public static class Sql
{
    /// <summary>Runs a statement; an engine error becomes what <paramref name="onError"/> makes of it (by default it
    /// propagates as is). DuckDB's messages may quote a row's values: callers that report to an operator keep only
    /// what they may show (see <see cref="FirstLine"/>).</summary>
    public static void Exec(DuckDBConnection conn, string sql, Func<DuckDBException, Exception>? onError = null)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        try { cmd.ExecuteNonQuery(); }
        catch (DuckDBException e) when (onError is not null) { throw onError(e); }
    }

    /// <summary>The first value of the first row, converted (invariant culture); default when NULL.</summary>
    public static T Scalar<T>(DuckDBConnection conn, string sql)
    {
        var v = Scalar(conn, sql);
        return v is null ? default! : (T)Convert.ChangeType(v, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>The first value of the first row as DuckDB returns it; null when NULL.</summary>
    public static object? Scalar(DuckDBConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    /// <summary>A string as a SQL string literal: <c>'it''s'</c>.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>A name as a quoted SQL identifier: <c>"a ""b"""</c>.</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    /// <summary>The first line of an engine error: its sentence without the quoted input that may follow.</summary>
    public static string FirstLine(DuckDBException e) => e.Message.Split('\n')[0];

    /// <summary>For <see cref="Exec"/>: a failing SQL model is named in the error, never a row value.</summary>
    public static Func<DuckDBException, Exception> ModelFailed(string model) =>
        e => new InvalidOperationException($"SQL model '{model}' failed: {e.Message}", e);
}
