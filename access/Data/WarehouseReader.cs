using System.Globalization;
using Dapper;
using DuckDB.NET.Data;

namespace Monitoring.Access.Data;

/// <summary>Runs parameterised SQL on the snapshot in service and hands back plain rows (column name → value).</summary>
public sealed class WarehouseReader(WarehouseConnections connections)
{
    public WarehouseConnections Connections => connections;

    public List<IDictionary<string, object?>> Rows(string sql, object? parameters = null)
    {
        var (connection, _) = connections.Open();
        using (connection)
        {
            return connection.Query(sql, parameters).Cast<IDictionary<string, object?>>().ToList();
        }
    }

    /// <summary>
    /// Streams a query's rows to a reader callback (bulk loads, where a dictionary per row would cost too much);
    /// <paramref name="parameters"/> are bound as <c>$name</c>, never written into the SQL.
    /// </summary>
    public void Read(string sql, Action<System.Data.Common.DbDataReader> read, params (string Name, object? Value)[] parameters)
    {
        var (connection, _) = connections.Open();
        using (connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters) command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
            using var reader = command.ExecuteReader();
            read(reader);
        }
    }

    /// <summary>Runs <paramref name="read"/> on a connection to the snapshot in service (readers shared with the other tools of the solution).</summary>
    public T With<T>(Func<System.Data.Common.DbConnection, T> read)
    {
        var (connection, _) = connections.Open();
        using (connection) return read(connection);
    }

    public T? Scalar<T>(string sql, object? parameters = null)
    {
        var (connection, _) = connections.Open();
        using (connection)
        {
            // Pseudonymous keys are UUIDs (Guid), which Dapper cannot convert to text: their text is the RFC 4122 form.
            if (typeof(T) == typeof(string))
                return connection.ExecuteScalar(sql, parameters) is { } v and not DBNull ? (T)(object)Convert.ToString(v, CultureInfo.InvariantCulture)! : default;
            return connection.ExecuteScalar<T>(sql, parameters);
        }
    }

    public static double? D(IDictionary<string, object?> row, string key)
        => row.TryGetValue(key, out var v) && v is not null and not DBNull ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null;

    public static string? S(IDictionary<string, object?> row, string key)
        => row.TryGetValue(key, out var v) && v is not null and not DBNull ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    public static bool B(IDictionary<string, object?> row, string key)
        => row.TryGetValue(key, out var v) && v is bool b && b;
}
