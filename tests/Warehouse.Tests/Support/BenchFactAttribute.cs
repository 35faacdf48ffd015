namespace Monitoring.Tests.Warehouse.Support;

/// <summary>A fact that runs only when WAREHOUSE_BENCH=1 (national-scale timings take minutes on 2 cores).</summary>
public sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("WAREHOUSE_BENCH") != "1")
            Skip = "set WAREHOUSE_BENCH=1 to run the national-scale benchmark";
    }
}
