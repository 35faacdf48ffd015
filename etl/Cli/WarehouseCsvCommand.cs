using DuckDB.NET.Data;
using Monitoring.Warehouse.Flags;
using Monitoring.Warehouse.Indicators;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Etl.Cli;

/// <summary>`indicators|flags --data DATA_DIR --out FILE.csv`: the snapshot in service, as CSV for analysts.</summary>
public static class WarehouseCsvCommand
{
    public static Verb Verb(string what)
    {
        var data = CommonOptions.Data();
        var output = CommonOptions.Out($"the CSV file to write the {what} to", "FILE.csv");
        var verb = new Verb(what, $"write the {what} of the snapshot in service as CSV") { data, output };
        verb.SetAction(parsed => Run(parsed.GetValue(data)!, parsed.GetValue(output)!, what));
        return verb;
    }

    public static int Run(string data, string output, string what)
    {
        var cs = new SnapshotStore(data).CurrentConnectionString();
        if (cs is null) { Console.Error.WriteLine($"{data}: no snapshot in service yet (run the pipeline first)"); return 1; }
        using var conn = new DuckDBConnection(cs);
        conn.Open();
        if (what == "indicators") IndicatorCsv.Write(conn, output); else FlagCsv.Write(conn, output);
        Console.WriteLine($"{what} written to {output}");
        return 0;
    }
}
