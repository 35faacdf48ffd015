namespace Monitoring.Tests.Tools.Cli;

/// <summary>
/// Every executable of the repository, built and run as an operator runs it: `--help` on the executable and on each
/// verb describes it and exits 0; a bad argument is named on stderr with where to look, never with a stack trace,
/// and exits with the executable's usage code (etl 64, but 2 for schedule and run-job; the tools 2).
/// </summary>
public sealed class CommandLineTests
{
    public static TheoryData<string, string[], string[]> Helps => new()
    {
        { "monitoring-etl.dll", ["--help"], ["run", "indicators", "flags", "rebuild", "compact", "schedule", "run-job", "publish", "extract"] },
        { "monitoring-etl.dll", ["run", "--help"], ["monitoring-etl run [options]", "--source <EXPORT_DIR_OR_ZIP> (REQUIRED)", "--max-row-loss", "--force"] },
        { "monitoring-etl.dll", ["indicators", "--help"], ["--data <DATA_DIR>", "$DATA_DIR, else ./data", "--out <FILE.csv> (REQUIRED)"] },
        { "monitoring-etl.dll", ["flags", "--help"], ["--out <FILE.csv> (REQUIRED)"] },
        { "monitoring-etl.dll", ["rebuild", "--help"], ["--data <DATA_DIR>", "$DATA_DIR, else ./data"] },
        { "monitoring-etl.dll", ["compact", "--help"], ["--data <DATA_DIR>", "--max-delta-files <N>"] },
        { "monitoring-etl.dll", ["schedule", "--help"], ["-c, --config <schedules.json>", "-d, --data <DATA_DIR>"] },
        { "monitoring-etl.dll", ["run-job", "--help"], ["monitoring-etl run-job <NAME> [options]"] },
        { "monitoring-etl.dll", ["publish", "--help"], ["--base-url <URL>"] },
        { "monitoring-etl.dll", ["extract", "--help"], ["--project <NAME> (REQUIRED)", "--k <K>"] },
        { "monitoring-generate.dll", ["--help"], ["--preset <PRESET> (REQUIRED)", "--seed <N>", "--out <DIR> (REQUIRED)", "--reference-date <YYYY-MM-DD>"] },
        { "monitoring-bench.dll", ["--help"], ["pipeline", "panels"] },
        { "monitoring-bench.dll", ["pipeline", "--help"], ["--preset <PRESET>", "--work <DIR>", "--scales <LIST>", "--panel-repeat <N>"] },
        { "monitoring-bench.dll", ["panels", "--help"], ["--data <DATA_DIR>", "--repeat <N>", "--target <MS>"] },
        { "monitoring-loadtest.dll", ["--help"], ["--url <http://127.0.0.1:PORT/public> (REQUIRED)", "--connections <N>", "--p99-target <MS>"] },
        { "Monitoring.Dashboards.dll", ["--help"], ["--data <DATA_DIR>", "--urls", "--Section:Key=value"] },
    };

    [Theory]
    [MemberData(nameof(Helps))]
    public void Help_describes_the_verb_and_exits_0(string dll, string[] args, string[] expected)
    {
        var r = new Executable(dll).Run(args);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("Usage:", r.Out);
        foreach (var e in expected) Assert.Contains(e, r.Out);
        Assert.Equal("", r.Err);
    }

    public static TheoryData<string, string[], int, string[]> BadArguments => new()
    {
        { "monitoring-etl.dll", ["frobnicate"], 64, ["'frobnicate'", "see: monitoring-etl --help"] },
        { "monitoring-etl.dll", [], 64, ["Required command was not provided.", "see: monitoring-etl --help"] },
        { "monitoring-etl.dll", ["run", "--sourse", "x", "--data", "y"], 64, ["'--sourse'", "Option '--source' is required.", "see: monitoring-etl run --help"] },
        { "monitoring-etl.dll", ["run", "--source", "x", "--data", "y", "--max-row-loss", "lots"], 64, ["--max-row-loss: 'lots' is not a share"] },
        { "monitoring-etl.dll", ["extract", "--data", "d", "--project", "p", "--out", "o", "--k", "1"], 64, ["extract: --k must be a whole number ≥ 2"] },
        { "monitoring-etl.dll", ["compact", "--data", "d", "--max-delta-files", "-1"], 64, ["--max-delta-files must not be negative", "see: monitoring-etl compact --help"] },
        { "monitoring-etl.dll", ["run-job"], 2, ["Required argument missing", "see: monitoring-etl run-job --help"] },
        { "monitoring-etl.dll", ["schedule", "--bogus"], 2, ["'--bogus'", "see: monitoring-etl schedule --help"] },
        { "monitoring-generate.dll", ["--preset", "huge", "--out", "x"], 2, ["unknown preset huge", "see: monitoring-generate --help"] },
        { "monitoring-generate.dll", ["--preset", "tiny", "--out", "x", "--seed", "abc"], 2, ["'abc'", "--seed"] },
        { "monitoring-generate.dll", ["--preset", "tiny", "--out", "x", "--reference-date", "31/10/2026"], 2, ["--reference-date must be YYYY-MM-DD, not 31/10/2026"] },
        { "monitoring-bench.dll", ["panels", "--repeat", "0", "--data", "x"], 2, ["--repeat must be at least 1", "see: monitoring-bench panels --help"] },
        { "monitoring-bench.dll", ["pipeline", "--preset", "galactic"], 2, ["'galactic'", "see: monitoring-bench pipeline --help"] },
        { "monitoring-bench.dll", ["pipeline", "--scales", "tiny,galactic,tiny"], 2, ["unknown scale galactic", "scale tiny is listed twice", "see: monitoring-bench pipeline --help"] },
        { "monitoring-generate.dll", ["--preset", "history", "--out", "x", "--scale", "2"], 2, ["--scale must be above 0 and at most 1, not 2"] },
        { "monitoring-loadtest.dll", ["--url", "http://example.org/public"], 2, ["refused: example.org is not a loopback address"] },
        { "monitoring-loadtest.dll", ["--url", "http://127.0.0.1:1/public", "--connections", "many"], 2, ["'many'", "see: monitoring-loadtest --help"] },
        { "Monitoring.Dashboards.dll", ["--dta", "/tmp/x"], 64, ["Unrecognized argument '--dta'", "see: Monitoring.Dashboards --help"] },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void A_bad_argument_is_named_with_the_usage_exit_code_and_no_stack_trace(string dll, string[] args, int exit, string[] expected)
    {
        var r = new Executable(dll).Run(args);
        Assert.True(r.ExitCode == exit, r.ToString());
        foreach (var e in expected) Assert.Contains(e, r.Err);
        Assert.DoesNotContain("   at ", r.Err + r.Out);
        Assert.DoesNotContain("Unhandled exception", r.Err + r.Out);
    }
}
