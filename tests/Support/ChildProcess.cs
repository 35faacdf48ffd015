using System.Diagnostics;

namespace Monitoring.Tests.Support;

/// <summary>
/// Stopping a process a test started, with a bound on every wait. <c>WaitForExit()</c> without a timeout (and
/// <c>WaitForExitAsync()</c> without a token) also waits for the end of redirected output, which never comes while an
/// orphaned grandchild still holds the pipe: one such wait hangs the whole test run until CI's limit. Linked into
/// every test project as Support/ChildProcess.cs.
/// </summary>
public static class ChildProcess
{
    /// <summary>Kills the process and everything it started, then waits at most <paramref name="seconds"/> for it to go.</summary>
    public static void Stop(Process? process, int seconds = 20)
    {
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { return; } // never started, or already reaped
        process.WaitForExit(TimeSpan.FromSeconds(seconds)); // the bounded overload does not wait for the output's end
    }

    /// <summary>Waits for a process to end on its own within the limit; kills it (and fails) when it does not.</summary>
    public static void WaitOrKill(Process process, TimeSpan limit, string what)
    {
        if (process.WaitForExit(limit)) { process.WaitForExit(TimeSpan.FromSeconds(5)); return; }
        Stop(process);
        throw new TimeoutException($"{what} ran over {limit.TotalSeconds:0} s and was killed");
    }
}
