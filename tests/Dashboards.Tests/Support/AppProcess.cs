using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Monitoring.Tests.Dashboards;

/// <summary>
/// The one way the tests start the dashboards: the built dll as a real child process on a DATA_DIR and a free port,
/// its output captured to a log file, waited for until it serves.
/// </summary>
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

    /// <summary>
    /// Waits until the app answers /public with <paramref name="expected"/> (200 unless the test serves something the
    /// app must refuse); it exits or times out otherwise, naming its log. The first answer on a big snapshot can take
    /// a while (disclosure control is computed once per snapshot), hence the generous per-request timeout.
    /// </summary>
    public static async Task WaitUntilServingAsync(Process app, string baseUrl, string logPath, int seconds = 90,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Max(seconds, 100)) };
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (app.HasExited) throw new InvalidOperationException($"dashboards exited with {app.ExitCode}; see {logPath}");
            try
            {
                if ((await http.GetAsync(baseUrl + "/public")).StatusCode == expected) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(300);
        }
        throw new TimeoutException($"dashboards did not start; see {logPath}");
    }

    /// <summary>A free TCP port on loopback (tests never use a fixed port).</summary>
    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>dashboards/bin/&lt;same configuration as the tests&gt;/net10.0/Monitoring.Dashboards.dll.</summary>
    public static string DashboardsDll()
    {
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory);
        var tfm = baseDir.Name;
        var configuration = baseDir.Parent!.Name;
        var dll = Path.Combine(Artifacts.RepoRoot, "dashboards", "bin", configuration, tfm, "Monitoring.Dashboards.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build the dashboards project first", dll);
    }

    /// <summary>The app's log so far (the app keeps writing it).</summary>
    public static string ReadLog(string logPath)
    {
        using var fs = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(fs).ReadToEnd();
    }
}
