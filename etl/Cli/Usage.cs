namespace Monitoring.Etl.Cli;

public static class Usage
{
    public static int Print(string? verb)
    {
        if (verb is not null) Console.Error.WriteLine($"unknown command '{verb}'");
        Console.Error.WriteLine("""
            usage: dotnet run --project etl -- <command>
              generate   --preset tiny|regional|national --seed N --out DIR
              run        --source EXPORT_DIR_OR_ZIP --data DATA_DIR [--report FILE] [--demo]
                         [--max-quarantined 5%] [--max-row-loss 5%] [--force]
              indicators --data DATA_DIR --out FILE.csv
              flags      --data DATA_DIR --out FILE.csv
              schedule   [--config schedules.json] [--data DATA_DIR]
              run-job    NAME [--data DATA_DIR]
              publish    --data DATA_DIR --out DIR            open-data release (versioned)
              extract    --data DATA_DIR --project NAME --out DIR [--k 5]   research extract
              rebuild    --data DATA_DIR                      recompute star schema, indicators, flags
              bench      --preset tiny|regional|national [--out FILE.json] [--work DIR]
            """);
        return 64;
    }
}
