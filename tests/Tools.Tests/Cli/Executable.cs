using System.Diagnostics;

namespace Monitoring.Tests.Tools.Cli;

/// <summary>One of the built executables (copied beside the tests by the project references), run as a real child process.</summary>
public sealed record Executable(string Dll)
{
    /// <summary>How long a run may take before it is killed and the test fails.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Err}";
    }

    public Result Run(params string[] args)
    {
        var path = Path.Combine(AppContext.BaseDirectory, Dll);
        Assert.True(File.Exists(path), $"{Dll} is not beside the tests");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(path);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Dll} {string.Join(' ', args)} did not end within {Timeout.TotalSeconds:0} s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
