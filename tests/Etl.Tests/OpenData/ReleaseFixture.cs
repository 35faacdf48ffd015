using Monitoring.Etl.OpenData;

namespace Monitoring.Tests.Etl.OpenData;

/// <summary>One open-data release of the tiny warehouse, published once for the release tests.</summary>
public sealed class ReleaseFixture
{
    public TinyWarehouseFixture Warehouse { get; }
    public string OutDir { get; }
    public OpenDataPublication Publication { get; }
    public string Folder => Publication.Folder;

    public ReleaseFixture(TinyWarehouseFixture warehouse)
    {
        Warehouse = warehouse;
        OutDir = Path.Combine(warehouse.Root, "opendata-" + Guid.NewGuid().ToString("N")[..6]);
        Publication = OpenDataPublisher.Publish(warehouse.DataDir, OutDir,
            new OpenDataOptions { BaseUrl = "https://opendata.example.org/adi", Now = new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero) });
    }
}
