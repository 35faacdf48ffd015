using DuckDB.NET.Data;
using Monitoring.Tools.Generate;

namespace Monitoring.Tests.Tools.Generate;

/// <summary>One tiny export generated for a test class, and a DuckDB connection with a view per CSV file.</summary>
public class TinyExportFixture : IDisposable
{
    public const int Seed = 7;
    public static readonly DateOnly ReferenceDate = new(2026, 10, 31);

    public TinyExportFixture() : this(GeneratorPreset.Tiny, 1.0) { }

    /// <summary>Another preset, scaled down (<see cref="GeneratorOptions.Scale"/>) to stay small.</summary>
    protected TinyExportFixture(GeneratorPreset preset, double scale)
    {
        Root = Path.Combine(Path.GetTempPath(), "gen-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Summary = ExportGenerator.Generate(new GeneratorOptions
        {
            Preset = preset, Scale = scale, Seed = Seed, OutputDirectory = Path.Combine(Root, "export"), ReferenceDate = ReferenceDate,
        });
        Db = new DuckDBConnection("Data Source=:memory:");
        Db.Open();
        foreach (var file in ExportGenerator.ContractFiles)
            Execute($"create view {Path.GetFileNameWithoutExtension(file)} as select * from {ReadCsv(Path.Combine(Summary.ExportDirectory, file))}");
        Execute($"create view istat as select * from {ReadCsv(IstatPath())}");
    }

    public string Root { get; }
    public GenerationSummary Summary { get; }
    public DuckDBConnection Db { get; }

    /// <summary>DuckDB's own CSV reader with the contract's dialect, every column as text.</summary>
    public static string ReadCsv(string path) =>
        $"read_csv('{path}', delim=';', quote='\"', escape='\"', header=true, all_varchar=true, strict_mode=true)";

    public long Count(string sql)
    {
        using var cmd = Db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    public List<string?> Column(string sql)
    {
        using var cmd = Db.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var values = new List<string?>();
        while (reader.Read()) values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0).ToString());
        return values;
    }

    public void Execute(string sql)
    {
        using var cmd = Db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public static string IstatPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "reference", "istat-municipalities-2020.csv");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("reference/istat-municipalities-2020.csv");
    }

    public virtual void Dispose()
    {
        Db.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
