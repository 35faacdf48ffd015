using Monitoring.Tests.Etl.Support;

namespace Monitoring.Tests.Etl.BadFiles;

/// <summary>manifest.json names that leave the export, and names listed twice, refuse the export (not ignored).</summary>
public class ManifestTests
{
    static string WithManifest(TempDir tmp, string name, Func<string, string> edit)
    {
        var dir = FixtureExport.Valid().Write(tmp[name]);
        var path = Path.Combine(dir, "manifest.json");
        File.WriteAllText(path, edit(File.ReadAllText(path)));
        return dir;
    }

    static string AddFile(string manifest, string entry) =>
        manifest.Replace("\"files\": {", "\"files\": {\n    " + entry + ",");

    [Theory]
    [InlineData("../secrets.csv")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/payments.csv")]
    public void A_file_name_outside_the_export_is_refused(string name)
    {
        using var tmp = new TempDir();
        var export = WithManifest(tmp, "export", m => AddFile(m, $"\"{name}\": {{ \"rows\": 1, \"sha256\": \"{new string('0', 64)}\" }}"));
        var run = CliRun.Of(export, tmp["data"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"manifest.json: files: '{name}' is not a plain file name of the export (no folder, no '..', no absolute path)", run.Error);
        run.AssertNoStackTrace();
    }

    [Fact]
    public void A_file_listed_twice_is_refused_with_its_line()
    {
        using var tmp = new TempDir();
        var export = WithManifest(tmp, "export", m => AddFile(m, $"\"payments.csv\": {{ \"rows\": 1, \"sha256\": \"{new string('0', 64)}\" }}"));
        var lines = File.ReadAllLines(Path.Combine(export, "manifest.json"));
        var second = Array.FindIndex(lines, 8, l => l.Contains("\"payments.csv\"")) + 1;
        var run = CliRun.Of(export, tmp["data"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"manifest.json: line {second}: files: 'payments.csv' is listed twice", run.Error);
    }

    [Fact]
    public void A_refused_run_reports_read_equal_to_loaded_plus_quarantined()
    {
        using var tmp = new TempDir();
        var x = FixtureExport.Valid();
        x["payments.csv"].Records.RemoveAt(19);
        x["payments.csv"].ManifestRows = 20; // refused after every file before it was read
        var run = CliRun.Of(x.Write(tmp["truncated"]), tmp["data"]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("payments.csv: 19 data rows read but the manifest announces 20", run.Error);
        run.AssertReconciles();
        Assert.Equal((12L, 0L, 12L), run.Counts("persons.csv"));
    }
}
