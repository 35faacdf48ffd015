using System.Diagnostics;
using System.Text;

namespace Monitoring.Tests.Etl.Support;

/// <summary>
/// The built etl command line (monitoring-etl.dll, copied next to the tests by the project reference)
/// run as a REAL child process, for exit codes, another pseudonym key, and kills.
/// </summary>
public sealed class EtlProcess : IDisposable
{
    public static string Dll
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "monitoring-etl.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("monitoring-etl.dll is not next to the test assembly", path);
        }
    }

    readonly StringBuilder _out = new();
    public Process Process { get; }

    EtlProcess(Process process) { Process = process; }

    /// <summary>Starts `dotnet monitoring-etl.dll args...`; <paramref name="env"/> overrides variables of the child only.</summary>
    public static EtlProcess Start(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["COLUMNS"] = "200";
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        var p = new Process { StartInfo = psi };
        var result = new EtlProcess(p);
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (result._out) result._out.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (result._out) result._out.AppendLine(e.Data); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return result;
    }

    /// <summary>Runs to the end and returns (exit code, stdout + stderr).</summary>
    public static (int ExitCode, string Output) Run(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        using var p = Start(env, args);
        if (!p.Process.WaitForExit(TimeSpan.FromMinutes(2))) { p.Process.Kill(entireProcessTree: true); throw new TimeoutException("etl child process ran over 2 minutes"); }
        p.Process.WaitForExit();
        return (p.Process.ExitCode, p.Output);
    }

    public string Output { get { lock (_out) return _out.ToString(); } }

    public void Dispose()
    {
        try { if (!Process.HasExited) Process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        Process.Dispose();
    }
}
