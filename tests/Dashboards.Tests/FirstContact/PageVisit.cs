using System.Text.Json;
using Microsoft.Playwright;

namespace Monitoring.Tests.Dashboards.FirstContact;

/// <summary>
/// One page opened in the browser with everything a person would notice recorded: console errors, uncaught script
/// errors, and every response answered 200 with an empty body (the symptom of issue 11: stylesheets and scripts
/// served as empty files, so the page came up unstyled and without charts).
/// </summary>
public sealed class PageVisit
{
    public List<string> ConsoleErrors { get; } = [];
    public List<string> EmptyResponses { get; } = [];
    public IResponse? Response { get; private set; }
    public IPage Page { get; }
    private readonly List<Task> _checks = [];

    private PageVisit(IPage page)
    {
        Page = page;
        page.Console += (_, m) => { if (m.Type == "error") lock (ConsoleErrors) ConsoleErrors.Add(m.Text); };
        page.PageError += (_, e) => { lock (ConsoleErrors) ConsoleErrors.Add("uncaught: " + e); };
        page.Response += (_, r) => { lock (_checks) _checks.Add(CheckBodyAsync(r)); };
    }

    private async Task CheckBodyAsync(IResponse r)
    {
        if (r.Status != 200) return;
        try
        {
            var body = await r.BodyAsync();
            if (body.Length == 0) lock (EmptyResponses) EmptyResponses.Add(r.Url);
        }
        catch (PlaywrightException) { }   // the page moved on before the body was read (a redirect, a new navigation)
    }

    public static async Task<PageVisit> OpenAsync(IPage page, string path)
    {
        var visit = new PageVisit(page);
        visit.Response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load, Timeout = 60000 });
        return visit;
    }

    /// <summary>Waits until every response seen so far has been checked.</summary>
    public async Task SettleAsync()
    {
        Task[] pending;
        lock (_checks) pending = [.. _checks];
        await Task.WhenAll(pending);
    }

    /// <summary>The page's stylesheet is applied: the header is laid out by app.css, not by the browser's defaults.</summary>
    public Task<string> HeaderStyleAsync() => Page.EvaluateAsync<string>(
        "() => { const h = document.querySelector('.site-header'); if (!h) return 'no header'; const s = getComputedStyle(h); return s.display + ' ' + s.borderBottomStyle + ' ' + s.borderBottomWidth; }");

    /// <summary>Each chart: what its spec holds (non-empty points per series) against what ApexCharts drew in the SVG.</summary>
    public async Task<IReadOnlyList<ChartDrawing>> ChartsAsync()
    {
        var charts = Page.Locator("[data-chart-spec]");
        var count = await charts.CountAsync();
        var result = new List<ChartDrawing>();
        for (var i = 0; i < count; i++)
        {
            var chart = charts.Nth(i);
            var id = await chart.GetAttributeAsync("id") ?? $"chart {i}";
            try { await chart.Locator("svg.apexcharts-svg").WaitForAsync(new() { Timeout = 15000 }); }
            catch (TimeoutException) { result.Add(new ChartDrawing(id, "not drawn", [], [], [], [])); continue; }
            var json = await chart.EvaluateAsync<string>("""
                el => {
                  const spec = JSON.parse(el.getAttribute('data-chart-spec'));
                  const present = v => v !== null && v !== undefined && (typeof v !== 'object' || (v.y !== null && v.y !== undefined));
                  const expected = spec.series.map(s => s.data.filter(present).length);
                  const groups = [...el.querySelectorAll('g.apexcharts-series[seriesName]')];
                  const drawn = spec.series.map((s, i) => {
                    const g = groups.find(g => g.getAttribute('data:realIndex') === String(i));
                    if (!g) return -1;
                    if (spec.type === 'bar') return g.querySelectorAll('path.apexcharts-bar-area').length;
                    // markers by position, to the pixel: ApexCharts may draw a lone point's marker twice, and on a
                    // long series (94 months) the two copies differ in the last decimals of cx
                    const px = v => Math.round(parseFloat(v));
                    if (s.type === 'scatter' || spec.type === 'line')
                      return new Set([...g.querySelectorAll('.apexcharts-marker')]
                        // a hidden marker (radius 0, or no position) is ApexCharts' hover placeholder, not a point
                        .filter(m => parseFloat(m.getAttribute('r') ?? '1') > 0 && isFinite(px(m.getAttribute('cx'))) && isFinite(px(m.getAttribute('cy'))))
                        .map(m => px(m.getAttribute('cx')) + ',' + px(m.getAttribute('cy')))).size;
                    // a curve (funnel limits, national line): drawn when its path has as many points as its data
                    const path = g.querySelector('path.apexcharts-line');
                    return path && path.getAttribute('d') && path.getAttribute('d').length > 10 ? s.data.filter(present).length : 0;
                  });
                  const labels = [...el.querySelectorAll('.apexcharts-yaxis-label tspan, .apexcharts-xaxis-label tspan')].map(t => t.textContent);
                  const names = spec.series.map(s => s.name);
                  return JSON.stringify({ id: el.id, type: spec.type, names, expected, drawn, axisLabels: labels });
                }
                """);
            result.Add(JsonSerializer.Deserialize<ChartDrawing>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!);
        }
        return result;
    }
}

/// <summary>A chart as specified (points per series) and as drawn (SVG markers, bars or curve paths per series).</summary>
public sealed record ChartDrawing(string Id, string Type, string[] Names, int[] Expected, int[] Drawn, string[] AxisLabels);
