using System.Diagnostics;
using System.Net;

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

    /// <summary>Waits until the app answers /public with 200 (it exits or times out otherwise, naming its log).</summary>
    public static async Task WaitUntilServingAsync(Process app, string baseUrl, string logPath, int seconds = 90)
    {
        using var http = new HttpClient();
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (app.HasExited) throw new InvalidOperationException($"dashboards exited with {app.ExitCode}; see {logPath}");
            try
            {
                if ((await http.GetAsync(baseUrl + "/public")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(300);
        }
        throw new TimeoutException("dashboards did not start");
    }

    /// <summary>The app's log so far (the app keeps writing it).</summary>
    public static string ReadLog(string logPath)
    {
        using var fs = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(fs).ReadToEnd();
    }
}
