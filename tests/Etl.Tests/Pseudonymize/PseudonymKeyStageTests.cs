using System.Text.Json;
using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Etl.Pseudonymize;

/// <summary>
/// `etl run` without a usable pseudonym key is refused (exit 2) before it reads a byte of the export, whatever is
/// wrong with the key — told by the error's type, not by its wording — and the message names the setting.
/// </summary>
public class PseudonymKeyStageTests
{
    [Theory]
    [InlineData("none", "no pseudonym key: set MONITORING_PSEUDONYM_KEY")]
    [InlineData("missing-file", "MONITORING_PSEUDONYM_KEY_FILE names")]
    [InlineData("too-short", "bytes; at least 32 are needed")]
    public void A_run_without_a_usable_key_is_refused_before_reading(string problem, string expected)
    {
        using var tmp = new TempDir();
        var export = FixtureExport.Valid().Write(tmp["export"]);
        var data = tmp["data"];
        var env = new Dictionary<string, string>
        {
            ["MONITORING_PSEUDONYM_KEY"] = problem == "too-short" ? "00112233" : "",
            ["MONITORING_PSEUDONYM_KEY_FILE"] = problem == "missing-file" ? tmp["no-such.key"] : "",
            ["MONITORING_DEMO"] = "",
        };

        var (exit, output) = EtlProcess.Run(env, "run", "--source", export, "--data", data);

        Assert.True(exit == 2, output);
        Assert.DoesNotContain("   at ", output);
        var report = Directory.GetFiles(new DataDirectory(data).RunsDir, "*.json").Single();
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal("refused", json.RootElement.GetProperty("status").GetString());
        Assert.Contains(expected, json.RootElement.GetProperty("error").GetString());
        Assert.Empty(json.RootElement.GetProperty("files").EnumerateObject());   // nothing was read
        Assert.DoesNotContain(json.RootElement.GetProperty("stages").EnumerateObject(), s => s.Name != "total");
        Assert.Null(new SnapshotStore(data).CurrentRunId());
    }
}
