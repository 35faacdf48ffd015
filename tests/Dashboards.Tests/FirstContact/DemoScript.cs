using Monitoring.Tests.Support;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DuckDB.NET.Data;
using Microsoft.Playwright;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Dashboards.FirstContact;

/// <summary>
/// The README's main command run as a new user runs it: `PRESET=tiny ./demo.sh` in a clean copy of the repository
/// (<see cref="RepositoryCopy"/>), started from a working directory that is not the repository, on a free port
/// (PORT), as a child process whose whole tree is killed at the end. demo.sh builds, generates, runs the pipeline and
/// serves; this fixture only waits for the URL it prints. Plus one headless Chromium for the tests.
/// </summary>
public sealed class DemoScript : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "demo-sh-" + Guid.NewGuid().ToString("N")[..8]);
    public string Repo => Path.Combine(Root, "repo");
    /// <summary>Where demo.sh is started from: somewhere else than the repository, as `~/Downloads/adi/demo.sh` would be.</summary>
    public string WorkingDirectory => Path.Combine(Root, "elsewhere");
    public string DataDir => Path.Combine(Repo, ".data", "demo-tiny");
    public string PublishedWebRoot => Path.Combine(Repo, ".data", "dashboards-bin", "wwwroot");
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public static string ArtifactsDir => Path.Combine(Artifacts.Dir, "first-contact");
    public string LogPath => Path.Combine(ArtifactsDir, "demo-sh.log");
    public TimeSpan StartedIn { get; private set; }

    private readonly StringBuilder _output = new();
    private Process? _demo;
    private StreamWriter? _log;
    private IPlaywright? _playwright;

    public async Task InitializeAsync()
    {
        if (!File.Exists(DashboardsApp.Chromium))
            throw new InvalidOperationException($"{DashboardsApp.Chromium} is missing: install it with `apt-get install -y chromium`");
        Directory.CreateDirectory(ArtifactsDir);
        RepositoryCopy.Make(Artifacts.RepoRoot, Repo);
        Directory.CreateDirectory(WorkingDirectory);
        var port = AppProcess.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var clock = Stopwatch.StartNew();
        _demo = Start(port);
        await WaitForUrlAsync(TimeSpan.FromMinutes(8));
        StartedIn = clock.Elapsed;
        lock (_output) _log?.WriteLine($"[test] demo.sh served {BaseUrl} {StartedIn.TotalSeconds:0} s after it was started");
        _playwright = await Playwright.CreateAsync();
        Browser = await DashboardsApp.LaunchChromiumAsync(_playwright);
    }

    private Process Start(int port)
    {
        var psi = new ProcessStartInfo("bash")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(Repo, "demo.sh"));
        psi.Environment["PRESET"] = "tiny";
        psi.Environment["PORT"] = port.ToString();
        psi.Environment.Remove("URLS");
        psi.Environment.Remove("DATA_DIR");
        psi.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        psi.Environment.Remove("ASPNETCORE_CONTENTROOT");
        psi.Environment.Remove("DOTNET_CONTENTROOT");
        // The builds inside demo.sh must leave no MSBuild node or compiler server behind once the test kills its tree.
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        psi.Environment["UseSharedCompilation"] = "false";
        psi.Environment["UseRazorBuildServer"] = "false";
        var log = _log = new StreamWriter(LogPath, append: false) { AutoFlush = true };
        var p = new Process { StartInfo = psi };
        void Line(string? s)
        {
            if (s is null) return;
            lock (_output) { _output.AppendLine(s); log.WriteLine(s); }
        }
        p.OutputDataReceived += (_, e) => Line(e.Data);
        p.ErrorDataReceived += (_, e) => Line(e.Data);
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>Everything demo.sh printed so far.</summary>
    public string Output() { lock (_output) return _output.ToString(); }

    private async Task WaitForUrlAsync(TimeSpan timeout)
    {
        using var http = new HttpClient();
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_demo!.HasExited) throw new InvalidOperationException($"demo.sh exited with {_demo.ExitCode}:\n{Tail(Output(), 40)}");
            // The URL is printed once the dashboards answer; wait for that line, then for the page itself.
            if (Output().Contains(BaseUrl))
            {
                try
                {
                    if ((await http.GetAsync(BaseUrl + "/public")).StatusCode == HttpStatusCode.OK) return;
                }
                catch (HttpRequestException) { }
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"demo.sh did not serve {BaseUrl} within {timeout}:\n{Tail(Output(), 40)}");
    }

    private static string Tail(string s, int lines) => string.Join('\n', s.Split('\n').TakeLast(lines));

    /// <summary>The warehouse demo.sh built, opened read-only by the test (to derive what the pages should show).</summary>
    public DuckDBConnection Warehouse()
    {
        var c = new DuckDBConnection(new SnapshotStore(DataDir).CurrentConnectionString() ?? throw new InvalidOperationException("no snapshot"));
        c.Open();
        return c;
    }

    /// <summary>A fresh context (1280×900, no cookies), signed in as the demo user unless null.</summary>
    public Task<IPage> PageAsync(string? demoUser) => DashboardsApp.WindowAsync(Browser, BaseUrl, demoUser);

    /// <summary>The process ids of demo.sh and everything under it (bash, dotnet, the dashboards).</summary>
    public IReadOnlyList<int> ProcessTree()
    {
        if (_demo is null) return [];
        var all = Directory.GetDirectories("/proc").Select(d => Path.GetFileName(d)).Where(n => n.All(char.IsDigit)).Select(int.Parse).ToList();
        var parent = new Dictionary<int, int>();
        foreach (var pid in all)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parent[pid] = int.Parse(fields[1]);
            }
            catch (IOException) { }
        }
        var tree = new List<int> { _demo.Id };
        for (var i = 0; i < tree.Count; i++) tree.AddRange(parent.Where(kv => kv.Value == tree[i]).Select(kv => kv.Key));
        return tree;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        var tree = await StopAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        // The cleanup is part of the test: nothing demo.sh started may outlive it, and the port is free again.
        var until = DateTime.UtcNow.AddSeconds(10);
        List<int> alive;
        do
        {
            alive = tree.Where(Alive).ToList();
            if (alive.Count == 0) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < until);
        if (alive.Count > 0) throw new InvalidOperationException($"demo.sh left processes running: {string.Join(", ", alive)}");
        using var probe = new TcpClient();
        var listening = false;
        try { await probe.ConnectAsync(IPAddress.Loopback, new Uri(BaseUrl).Port); listening = true; } catch (SocketException) { }
        if (listening) throw new InvalidOperationException($"{BaseUrl} still answers after demo.sh was stopped");
    }

    /// <summary>Running (a zombie waiting for its parent to read its exit code counts as gone).</summary>
    private static bool Alive(int pid)
    {
        try { return !File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].StartsWith('Z'); }
        catch (IOException) { return false; }
    }

    /// <summary>Kills demo.sh and its whole tree; returns the ids that were in it.</summary>
    public async Task<IReadOnlyList<int>> StopAsync()
    {
        if (_demo is null) return [];
        var tree = ProcessTree();
        ChildProcess.Stop(_demo);
        foreach (var pid in tree.Skip(1))
            try { Process.GetProcessById(pid).Kill(entireProcessTree: true); } catch (ArgumentException) { } catch (InvalidOperationException) { }
        return tree;
    }
}

[CollectionDefinition("demo-sh")]
public sealed class DemoScriptCollection : ICollectionFixture<DemoScript>;
