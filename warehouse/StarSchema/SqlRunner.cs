using DuckDB.NET.Data;

namespace Monitoring.Warehouse.StarSchema;

/// <summary>Runs SQL text on a DuckDB connection; errors name the model, never row values.</summary>
internal static class SqlRunner
{
    public static void Execute(DuckDBConnection connection, string sql, string? model = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            command.ExecuteNonQuery();
        }
        catch (DuckDBException e) when (model is not null)
        {
            throw new InvalidOperationException($"SQL model '{model}' failed: {e.Message}", e);
        }
    }

    public static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>A string as a SQL literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
}
