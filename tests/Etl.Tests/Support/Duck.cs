using System.Globalization;
using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;

namespace Monitoring.Tests.Etl.Support;

/// <summary>Reading results back with DuckDB: a warehouse file opened read-only, or an in-memory engine for CSV and Parquet.</summary>
public sealed class Duck : IDisposable
{
    readonly DuckDBConnection _conn;

    Duck(string connectionString)
    {
        _conn = new DuckDBConnection(connectionString);
        _conn.Open();
    }

    public static Duck ReadOnly(string databaseFile) => new($"Data Source={databaseFile};ACCESS_MODE=READ_ONLY");
    public static Duck Memory() => new("Data Source=:memory:");

    public long Count(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

    public object? Scalar(string sql)
    {
        using var cmd = _conn.CreateCommand();
        cmd.CommandText = sql;
        var v = cmd.ExecuteScalar();
        return v switch { DBNull => null, Guid g => g.ToString(), _ => v };  // pseudonyms are UUIDs: compared as their text
    }

    /// <summary>Every row as text cells (null for SQL NULL), in the query's order.</summary>
    public List<string?[]> Rows(string sql) => RowsWithNames(sql).Rows;

    /// <summary>Column names and rows as text cells.</summary>
    public (string[] Names, List<string?[]> Rows) RowsWithNames(string sql)
    {
        using var cmd = _conn.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var names = Enumerable.Range(0, r.FieldCount).Select(r.GetName).ToArray();
        var rows = new List<string?[]>();
        while (r.Read())
        {
            var row = new string?[r.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return (names, rows);
    }

    public List<string> Column(string sql) => Rows(sql).Select(r => r[0] ?? "").ToList();

    public void Exec(string sql)
    {
        using var cmd = _conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>DuckDB's reader with the contract's dialect, every column as text.</summary>
    public static string ReadCsv(string path) =>
        $"read_csv({Sql.Literal(path)}, delim=';', quote='\"', escape='\"', header=true, all_varchar=true, strict_mode=true)";

    public static string Lit(string s) => Sql.Literal(s);

    public void Dispose() => _conn.Dispose();
}
