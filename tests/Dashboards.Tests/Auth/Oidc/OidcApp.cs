using Monitoring.Tests.Support;
using System.Diagnostics;
using DuckDB.NET.Data;
using Microsoft.Playwright;
using Monitoring.Tools.Generate;
using Monitoring.Etl.Pipeline;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Dashboards.Auth.Oidc;

/// <summary>
/// The dashboards configured for OpenID Connect against a real provider started locally (<see cref="OidcProvider"/>),
/// with a user for each role whose codes come from the snapshot, plus users the app must refuse. The app is also
/// configured to trust 127.0.0.1 as its TLS proxy (ForwardedHeaders:KnownProxies). Own DATA_DIR (tiny preset).
/// </summary>
public sealed class OidcApp : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "dashboards-oidc-" + Guid.NewGuid().ToString("N")[..8]);
    public string DataDir => Path.Combine(Root, "data");
    public string BaseUrl { get; private set; } = "";
    public string LogPath => Path.Combine(Artifacts.Dir, "oidc-app.log");
    public IBrowser Browser { get; private set; } = default!;
    public OidcProvider Provider { get; private set; } = default!;

    /// <summary>Codes from the snapshot: the users' region, ATS and case manager, and an ATS and region outside them.</summary>
    public string Region { get; private set; } = "";
    public string Ats { get; private set; } = "";
    public string CaseManager { get; private set; } = "";
    public string OtherRegion { get; private set; } = "";
    public string OtherAts { get; private set; } = "";

    /// <summary>Seconds the id_token of the user "short-lived" lasts.</summary>
    public const int ShortLivedSeconds = 20;

    private IPlaywright? _playwright;
    private Process? _app;

    public async Task InitializeAsync()
    {
        if (!File.Exists(DashboardsApp.Chromium))
            throw new InvalidOperationException($"{DashboardsApp.Chromium} is missing: install it with `apt-get install -y chromium`");
        var export = Path.Combine(Root, "export");
        ExportGenerator.Generate(new GeneratorOptions { Preset = GeneratorPreset.Tiny, Seed = 3, OutputDirectory = export });
        var report = await PipelineRunner.RunAsync(new PipelineOptions { Source = export, DataDir = DataDir, Demo = true });
        Assert.True(report.Status == RunStatus.Succeeded, $"pipeline {report.Status}: {report.Error}");
        ReadCodes();

        BaseUrl = $"http://127.0.0.1:{AppProcess.FreePort()}";
        Provider = new OidcProvider(AppProcess.FreePort(), BaseUrl, Users(), Root);
        await Provider.WaitUntilServingAsync();
        _app = AppProcess.Start(AppProcess.DashboardsDll(), DataDir, BaseUrl, LogPath, new Dictionary<string, string>
        {
            ["Auth:Oidc:Authority"] = Provider.Url,
            ["Auth:Oidc:ClientId"] = OidcProvider.ClientId,
            ["Auth:Oidc:ClientSecret"] = Provider.ClientSecret,
            // Test configuration only: the local provider speaks plain HTTP.
            ["Auth:Oidc:RequireHttpsMetadata"] = "false",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            // Demo sign-in as well, so that /signin renders forms (their antiforgery cookie is checked behind the proxy).
            ["Auth:Demo"] = "true",
        });
        await AppProcess.WaitUntilServingAsync(_app!, BaseUrl, LogPath);
        _playwright = await Playwright.CreateAsync();
        Browser = await DashboardsApp.LaunchChromiumAsync(_playwright);
    }

    private void ReadCodes()
    {
        using var db = new DuckDBConnection(new SnapshotStore(DataDir).CurrentConnectionString()!);
        db.Open();
        string Q(string sql) => Expected.Scalar<string>(db, sql) ?? throw new InvalidOperationException("no value for: " + sql);
        Region = Q("select region_code from dim_ats group by region_code order by (region_code = '15') desc, region_code limit 1");
        Ats = Q($"select min(ats_code) from dim_ats where region_code = '{Region}'");
        CaseManager = Q($"select min(operator_key::varchar) from dim_operator where role = 'case_manager' and ats_code = '{Ats}'");
        // Another ATS of the same region (the tiny preset has one region), and a region other than the users'.
        OtherAts = Q($"select max(ats_code) from dim_ats where region_code = '{Region}' and ats_code <> '{Ats}'");
        OtherRegion = Q($"select coalesce(min(region_code), '{(Region == "12" ? "13" : "12")}') from dim_region where region_code <> '{Region}'");
    }

    /// <summary>The provider's users: one per role, and the ones the app must refuse.</summary>
    private Dictionary<string, object> Users()
    {
        static object U(object claims, int? ttl = null) => ttl is null ? new { claims } : new { claims, idTokenTtl = ttl };
        return new()
        {
            ["ministry"] = U(new { role = "ministry" }),
            ["planner-region"] = U(new { role = "planner_region", region_code = Region }),
            ["planner-ats"] = U(new { role = "planner_ats", region_code = Region, ats_code = Ats }),
            ["coordinator"] = U(new { role = "coordinator", ats_code = Ats }),
            ["case-manager"] = U(new { role = "case_manager", ats_code = Ats, operator_key = CaseManager }),
            ["short-lived"] = U(new { role = "ministry" }, ShortLivedSeconds),
            // Refused: an ATS that does not exist, an ATS outside the stated region, a case manager of another ATS,
            // a region that does not exist, no role at all, an unknown role.
            ["bad-territory"] = U(new { role = "planner_ats", ats_code = "ATS-99-999" }),
            ["wrong-region"] = U(new { role = "planner_ats", region_code = OtherRegion, ats_code = Ats }),
            ["cm-elsewhere"] = U(new { role = "case_manager", ats_code = OtherAts, operator_key = CaseManager }),
            ["bad-region"] = U(new { role = "planner_region", region_code = "99" }),
            ["no-role"] = U(new { region_code = Region }),
            ["superuser"] = U(new { role = "superuser" }),
        };
    }

    public string AppLog() => AppProcess.ReadLog(LogPath);

    /// <summary>
    /// Signs in through the provider as a user of the test, in a fresh browser context: the sign-in page's link, the
    /// provider's login form, back to the app. Returns the page where the app left the user.
    /// </summary>
    public async Task<IPage> SignInAsync(string login)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        // Three processes (app, provider, browser) on a shared 2-core machine: a sign-in round trip can be slow.
        DashboardsApp.Patient(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.ClickAsync("a[href='/auth/oidc']");
        await LogInAtProviderAsync(page, login);
        return page;
    }

    /// <summary>Fills the provider's login form (any password) and waits to be back on one of the app's pages.</summary>
    public async Task LogInAtProviderAsync(IPage page, string login)
    {
        await page.WaitForURLAsync(u => u.StartsWith(Provider.Url));
        await page.FillAsync("input[name='login']", login);
        await page.FillAsync("input[name='password']", "any password");
        await page.ClickAsync("button[type='submit']");
        await WaitBackAtAppAsync(page);
    }

    public Task WaitBackAtAppAsync(IPage page)
        => page.WaitForURLAsync(u => u.StartsWith(BaseUrl) && !u.Contains("/signin-oidc") && !u.Contains("/auth/") && !u.Contains("/signout-callback-oidc"));

    /// <summary>The auth cookie of a browser context (all its chunks) as a Cookie header; null when signed out.</summary>
    public static async Task<string?> AuthCookieAsync(IPage page)
    {
        var parts = (await page.Context.CookiesAsync()).Where(c => c.Name.StartsWith("adi.auth")).Select(c => $"{c.Name}={c.Value}").ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        ChildProcess.Stop(_app);
        Provider?.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition("oidc")]
public sealed class OidcCollection : ICollectionFixture<OidcApp>;
