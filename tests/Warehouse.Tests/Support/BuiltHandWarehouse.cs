using DuckDB.NET.Data;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Tests.Warehouse.Support;

/// <summary>The hand fixture built once through every model (<see cref="AllModels"/>), shared by the indicator tests.</summary>
public sealed class BuiltHandWarehouse : IDisposable
{
    private readonly TempDir _dir = new();

    public DuckDBConnection Connection { get; }
    public Dictionary<string, double> StageSeconds { get; } = new();

    public BuiltHandWarehouse()
    {
        Connection = HandFixture.Open(_dir["warehouse.duckdb"]);
        AllModels.Build(Connection, (stage, seconds) => StageSeconds[stage] = seconds);
    }

    public void Dispose()
    {
        Connection.Dispose();
        _dir.Dispose();
    }
}
