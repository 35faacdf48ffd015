using Monitoring.Tests.Support;
using System.Diagnostics;
using System.Text.Json;

namespace Monitoring.Tests.Dashboards.Auth.Oidc;

/// <summary>
/// A real OpenID Connect provider on this machine: the npm package oidc-provider 9.13.3 (installed by this project's
/// build into tests/Dashboards.Tests/oidc, see the csproj), started with node as a child process by
/// oidc/provider.mjs, with the given users and the dashboards registered as its client.
/// </summary>
public sealed class OidcProvider : IDisposable
{
    public const string ClientId = "adi-dashboards";
    public string ClientSecret { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
    public string Url { get; }
    public string LogPath { get; }
    private readonly Process _node;

    public static string Folder => Path.Combine(Artifacts.RepoRoot, "tests", "Dashboards.Tests", "oidc");

    /// <param name="users">login → claims (role, region_code, ats_code, operator_key) and an optional idTokenTtl in seconds.</param>
    public OidcProvider(int port, string appUrl, IReadOnlyDictionary<string, object> users, string workDir)
    {
        if (!File.Exists(Path.Combine(Folder, "node_modules", "oidc-provider", "package.json")))
            throw new InvalidOperationException($"oidc-provider is not installed in {Folder}: build the test project (it runs `npm ci` there)");
        Url = $"http://127.0.0.1:{port}";
        LogPath = Path.Combine(Artifacts.Dir, "oidc-provider.log");
        var configPath = Path.Combine(workDir, "oidc-provider.json");
        File.WriteAllText(configPath, JsonSerializer.Serialize(new
        {
            port,
            appUrl,
            clientId = ClientId,
            clientSecret = ClientSecret,
            cookieKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
            users,
        }));
        var psi = new ProcessStartInfo("node") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("provider.mjs");
        psi.ArgumentList.Add(configPath);
        Directory.CreateDirectory(Artifacts.Dir);
        var log = new StreamWriter(LogPath, append: false) { AutoFlush = true };
        _node = new Process { StartInfo = psi };
        _node.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _node.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _node.Start();
        _node.BeginOutputReadLine();
        _node.BeginErrorReadLine();
    }

    /// <summary>Waits for the discovery document.</summary>
    public async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (_node.HasExited) throw new InvalidOperationException($"oidc-provider exited with {_node.ExitCode}; see {LogPath}");
            try
            {
                if ((await http.GetAsync(Url + "/.well-known/openid-configuration")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("oidc-provider did not start");
    }

    public void Dispose()
    {
        ChildProcess.Stop(_node);
        _node.Dispose();
    }
}
