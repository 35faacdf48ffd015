using DuckDB.NET.Data;
using Monitoring.Warehouse.Flags;
using Monitoring.Warehouse.Indicators;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Etl.Cli;

/// <summary>`indicators|flags --data DATA_DIR --out FILE.csv`: the snapshot in service, as CSV for analysts.</summary>
public static class WarehouseCsvCommand
{
    public static int Run(CliArgs args, string what)
    {
        var data = DataDirectory.Locate(args.Get("data"));
        var output = args.Require("out", what);
        var cs = new SnapshotStore(data).CurrentConnectionString();
        if (cs is null) { Console.Error.WriteLine($"{data}: no snapshot in service yet (run the pipeline first)"); return 1; }
        using var conn = new DuckDBConnection(cs);
        conn.Open();
        if (what == "indicators") IndicatorCsv.Write(conn, output); else FlagCsv.Write(conn, output);
        Console.WriteLine($"{what} written to {output}");
        return 0;
    }
}
