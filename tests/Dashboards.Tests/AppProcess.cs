using System.Diagnostics;

namespace Monitoring.Tests.Dashboards;

/// <summary>Starts the built dashboards dll as a real child process on a DATA_DIR, its output captured to a log file.</summary>
public static class AppProcess
{
    /// <param name="settings">Configuration given on the command line (<c>--Key=Value</c>), e.g. Auth:Oidc:Authority.</param>
    public static Process Start(string dll, string dataDir, string baseUrl, string logPath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "--data", dataDir, "--urls", baseUrl }) psi.ArgumentList.Add(a);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) psi.ArgumentList.Add($"--{key}={value}");
        // No ASPNETCORE_ENVIRONMENT: the app runs as Production from an unpublished build, as the README's command may.
        psi.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        Directory.CreateDirectory(Artifacts.Dir);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var app = new Process { StartInfo = psi };
        app.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        app.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        app.Start();
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        return app;
    }
}
