using Monitoring.DataDir.Operations;
using TempDataDir = Monitoring.Tests.Etl.Schedule.TempDataDir;
using Monitoring.Tests.Etl.Support;

namespace Monitoring.Tests.Etl.Cli;

/// <summary>
/// The built etl as a child process finds DATA_DIR by the rule every host shares: --data, else the DATA_DIR variable,
/// else ./data in the current folder. The command line and the scheduler's run-job are checked through what they say
/// and where they write.
/// </summary>
public class DataDirLocationTests
{
    [Fact]
    public void A_reader_names_the_data_dir_it_looked_in()
    {
        using var tmp = new TempDir();
        var env = new Dictionary<string, string> { ["DATA_DIR"] = tmp["from-env"] };

        var given = EtlProcess.Run(env, "indicators", "--data", tmp["given"], "--out", tmp["i.csv"]);
        Assert.Equal(1, given.ExitCode);
        Assert.Contains($"{tmp["given"]}: no snapshot in service yet", given.Output);

        var fromEnv = EtlProcess.Run(env, "indicators", "--out", tmp["i.csv"]);
        Assert.Contains($"{tmp["from-env"]}: no snapshot in service yet", fromEnv.Output);

        // An empty variable counts as unset: the child inherits this process's current folder.
        var fallback = EtlProcess.Run(new Dictionary<string, string> { ["DATA_DIR"] = "" }, "flags", "--out", tmp["f.csv"]);
        Assert.Contains($"{Path.Combine(Environment.CurrentDirectory, "data")}: no snapshot in service yet", fallback.Output);
    }

    [Fact]
    public void Run_job_without_data_writes_its_history_where_DATA_DIR_points()
    {
        using var dir = new TempDataDir();
        var config = dir.WriteConfig("""{ "jobs": [ { "name": "tidy", "type": "housekeeping" } ] }""");

        var run = EtlProcess.Run(new Dictionary<string, string> { ["DATA_DIR"] = dir.Data }, "run-job", "tidy", "--config", config);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("tidy", Assert.Single(JobHistory.Recent(dir.Data, 10)).JobName);
    }
}
