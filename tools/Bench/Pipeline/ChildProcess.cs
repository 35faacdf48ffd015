using System.Diagnostics;

namespace Monitoring.Tools.Bench.Pipeline;

/// <summary>This benchmark again, as a child process: each scale (<see cref="ScaleRunner"/>) and each scale's delta
/// (<see cref="DeltaPhase"/>) in a process of its own, so the peak memory measured is that phase's alone.</summary>
public static class ChildProcess
{
    /// <summary>Runs `monitoring-bench ARGS` (through dotnet when that is how this one was started), its output passing
    /// through to the console, and returns its exit code. It inherits this process's environment: the pseudonym key the
    /// full run used, MONITORING_DUCKDB_MEMORY.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell this process's executable");
        var psi = new ProcessStartInfo(self) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") psi.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var child = Process.Start(psi)!;
        child.WaitForExit(); // a history run takes tens of minutes: the bench waits for it, with its output on the console
        return child.ExitCode;
    }
}
