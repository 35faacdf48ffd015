using DuckDB.NET.Data;

namespace Monitoring.Tests.Warehouse.Support;

/// <summary>Small query helpers for assertions.</summary>
public static class Db
{
    public static void Exec(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static long Count(DuckDBConnection connection, string sql) => Convert.ToInt64(Scalar(connection, sql));

    public static List<object?[]> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>(numerator, denominator, value) of one cell, or null when there is no row.</summary>
    public static (double? Numerator, double? Denominator, double? Value)? Cell(
        DuckDBConnection connection, string indicator, string level, string territory, string month)
    {
        var rows = Rows(connection, $"""
            select numerator, denominator, value from indicator_values
            where indicator_id = '{indicator}' and level = '{level}' and territory_code = '{territory}' and month = '{month}'
            """);
        if (rows.Count == 0) return null;
        Assert.Single(rows);
        return (AsDouble(rows[0][0]), AsDouble(rows[0][1]), AsDouble(rows[0][2]));
    }

    private static double? AsDouble(object? value) => value is null ? null : Convert.ToDouble(value);
}
