using Microsoft.AspNetCore.Components;
using Monitoring.Dashboards.Apis;
using Monitoring.Dashboards.Auth;
using Monitoring.Dashboards.Hosting;
using Monitoring.Dashboards.Localization;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Components;

/// <summary>
/// Base of every dashboard page (static server rendering): reads scope, filters and language from the request,
/// runs the page's queries, and turns a ScopeViolation into HTTP 403 (logged) and a missing snapshot into 503.
/// </summary>
public abstract class DashboardPage : ComponentBase
{
    [CascadingParameter] public HttpContext? Http { get; set; }
    [Inject] public DashboardQueries Queries { get; set; } = default!;
    [Inject] public ILoggerFactory Logs { get; set; } = default!;

    protected UserScope Scope { get; private set; } = UserScope.Public;
    protected PanelFilter Filter { get; private set; } = new();
    protected string Lang => Filter.Lang;
    protected bool Forbidden { get; private set; }
    protected bool NoData { get; private set; }
    protected string Month { get; private set; } = "";

    protected string T(string key) => Labels.T(Lang, key);

    /// <summary>The month shown, as the reader writes it ("ott 2026" / "Oct 2026").</summary>
    protected string MonthLabel => NumberText.Month(Month, Lang);

    /// <summary>The current query string, handed to CSV links so a download is the same selection.</summary>
    protected string QueryString => Http?.Request.QueryString.Value ?? "";

    protected override void OnInitialized()
    {
        Scope = ScopeClaims.ToScope(Http?.User);
        Filter = PanelFilter.From(k => Http?.Request.Query[k].FirstOrDefault()) with { Lang = LanguageCookie.Resolve(Http) };
        try
        {
            Month = Queries.Meta.ResolveMonth(Filter.Month);
            Load();
        }
        catch (ScopeViolation e)
        {
            Forbidden = true;
            ScopeLog.Refused(Logs, e, Http?.Request.Path.Value ?? "");
            if (Http is not null && !Http.Response.HasStarted) Http.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        catch (NoSnapshotException)
        {
            NoData = true;
            if (Http is not null && !Http.Response.HasStarted) Http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    /// <summary>Runs the page's queries with <see cref="Scope"/> and <see cref="Filter"/>.</summary>
    protected abstract void Load();

    /// <summary>A link to a page of this site keeping the language and the given filters.</summary>
    protected string Link(string path, params (string Key, string? Value)[] query) => UrlFor(path, Lang, query);

    public static string UrlFor(string path, string lang, params (string Key, string? Value)[] query)
    {
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value!)}").ToList();
        if (lang == "en") parts.Add("lang=en");
        return parts.Count == 0 ? path : path + "?" + string.Join('&', parts);
    }
}
