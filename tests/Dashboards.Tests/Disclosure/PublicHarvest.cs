using System.Globalization;
using AngleSharp.Html.Parser;
using DuckDB.NET.Data;
using Monitoring.Tests.Dashboards.Maps;

namespace Monitoring.Tests.Dashboards.Disclosure;

/// <summary>One cell of a public table: an indicator for a territory (national IT, a region, an ATS) in a month, and for a
/// disaggregated cell the member of a dimension (both empty for the territory's total).</summary>
public sealed record CellKey(string Indicator, string Level, string Territory, string Month, string Dimension = "", string Member = "")
{
    public override string ToString() => Dimension == "" ? $"{Indicator} {Level}:{Territory} {Month}" : $"{Indicator} {Level}:{Territory} {Month} {Dimension}={Member}";
}

/// <summary>What one public surface shows for a cell: the text as served, and the release's status column when it has one.</summary>
public sealed record Observation(string Source, string Text, string? Status = null)
{
    // Pages are read in English: "13,961", "42.0%", "€598.17" (grouping commas and the euro sign are not the number).
    public double? Number => double.TryParse(Plain.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
        ? Plain.EndsWith('%') ? v / 100 : v : null;

    private string Plain => Text.Replace(",", "").Replace("€", "").Replace("\u00a0", "").Replace(" ", "").Trim();
}

/// <summary>
/// Everything an anonymous visitor can download, pulled over HTTP from the running app: the public headlines CSV of
/// every month, the public trend CSV of every public indicator nationally and for every region, the public page's
/// own HTML tables, and the current open-data release (indicators.csv, territories.csv, dictionary.csv) from the
/// links the public page gives. Written as an outsider would: from the page's filters and links, not the code.
/// </summary>
public sealed class PublicHarvest
{
    public Dictionary<CellKey, List<Observation>> Cells { get; } = [];
    public List<string> Months { get; } = [];
    public List<string> Regions { get; } = [];
    public List<string> Indicators { get; } = [];
    /// <summary>The dimensions of the public page's picker, and each one's members as the release lists them.</summary>
    public List<string> Dimensions { get; } = [];
    public Dictionary<string, List<string>> MembersOf { get; } = [];
    /// <summary>Indicator id → kind (count, ratio, median) from the release's data dictionary.</summary>
    public Dictionary<string, string> Kinds { get; } = [];
    /// <summary>ATS code → region code, from the release's territories.csv.</summary>
    public Dictionary<string, string> AtsRegion { get; } = [];
    public int Requests { get; private set; }

    public static async Task<PublicHarvest> PullAsync(ItalyMapsApp app, bool pages)
    {
        var h = new PublicHarvest();
        var parser = new HtmlParser();
        var home = parser.ParseDocument(await h.Get(app, "/public?lang=en"));
        h.Months.AddRange(home.QuerySelectorAll("#f-month option").Select(o => o.GetAttribute("value")!));
        h.Regions.AddRange(home.QuerySelectorAll("#f-region option").Select(o => o.GetAttribute("value")!).Where(v => v != ""));
        h.Indicators.AddRange(home.QuerySelectorAll("#f-indicator option").Select(o => o.GetAttribute("value")!));
        Assert.NotEmpty(h.Months);
        Assert.NotEmpty(h.Regions);
        Assert.NotEmpty(h.Indicators);
        h.Dimensions.AddRange(home.QuerySelectorAll("#f-dimension option").Select(o => o.GetAttribute("value")!));
        Assert.NotEmpty(h.Dimensions);

        foreach (var month in h.Months)
            h.Headlines("headlines.csv", await Csv(await h.Get(app, $"/api/panels/public-headlines.csv?month={month}&lang=en")));
        foreach (var indicator in h.Indicators)
            foreach (var region in h.Regions.Prepend(""))
                h.Trend("trend.csv", indicator, region,
                    await Csv(await h.Get(app, $"/api/panels/public-trend.csv?indicator={indicator}&region={region}&lang=en")));

        if (pages)
        {
            // The page's own tables, as HTML: the headlines of every month, the trend of every indicator and region.
            foreach (var month in h.Months)
                h.HeadlinesHtml(parser.ParseDocument(await h.Get(app, $"/public?month={month}&lang=en")));
            foreach (var indicator in h.Indicators)
                foreach (var region in h.Regions.Prepend(""))
                    h.TrendHtml(indicator, region, parser.ParseDocument(await h.Get(app, $"/public?indicator={indicator}&region={region}&lang=en")));
        }

        // The disaggregated table of every dimension for Italy and every region (the latest month: the page's default),
        // as CSV and, with pages, as the page's own HTML table.
        foreach (var dimension in h.Dimensions)
            foreach (var region in h.Regions.Prepend(""))
            {
                h.MembersCsv(dimension, region, await Csv(await h.Get(app, $"/api/panels/public-members.csv?dimension={dimension}&region={region}&lang=en")));
                if (pages)
                    h.MembersHtml(dimension, region, parser.ParseDocument(await h.Get(app, $"/public?dimension={dimension}&region={region}&lang=en")));
            }

        // The current open-data release, from the links of the public page.
        var links = home.QuerySelectorAll("ul.opendata-files a").Select(a => a.GetAttribute("href")!).ToList();
        string Link(string file) => links.First(l => l.EndsWith("/" + file, StringComparison.Ordinal));
        foreach (var t in await Csv(await h.Get(app, Link("territories.csv"))))
            if (t["level"] == "ats") h.AtsRegion[t["territory_code"]] = t["region_code"];
        foreach (var d in await Csv(await h.Get(app, Link("dictionary.csv"))))
            if (d["entry"] == "indicator") h.Kinds[d["name"]] = d["type"];
        foreach (var r in await Csv(await h.Get(app, Link("indicators.csv"))))
            h.Add(new CellKey(r["indicator_id"], r["level"], r["territory_code"], r["month"]), new Observation("release", r["value"], r["status"]));
        foreach (var r in await Csv(await h.Get(app, Link("indicators_by_dimension.csv"))))
        {
            h.Add(new CellKey(r["indicator_id"], r["level"], r["territory_code"], r["month"], r["dimension"], r["member"]), new Observation("release", r["value"], r["status"]));
            var members = h.MembersOf.TryGetValue(r["dimension"], out var list) ? list : h.MembersOf[r["dimension"]] = [];
            if (!members.Contains(r["member"])) members.Add(r["member"]);
        }
        return h;
    }

    private async Task<string> Get(ItalyMapsApp app, string url)
    {
        Requests++;
        return await app.GetAsync(url);
    }

    private void Add(CellKey key, Observation o) => (Cells.TryGetValue(key, out var list) ? list : Cells[key] = []).Add(o);

    private static CellKey Key(string indicator, string code, string month) =>
        new(indicator, code == "IT" ? "national" : "region", code, month);

    private void Headlines(string source, List<Dictionary<string, string>> rows)
    {
        foreach (var row in rows)
            foreach (var indicator in Indicators.Where(row.ContainsKey))
                Add(Key(indicator, row["region_code"], row["month"]), new Observation(source, row[indicator]));
    }

    private void Trend(string source, string indicator, string region, List<Dictionary<string, string>> rows)
    {
        foreach (var row in rows)
        {
            Add(Key(indicator, "IT", row["month"]), new Observation(source, row["national"]));
            if (region != "") Add(Key(indicator, region, row["month"]), new Observation(source, row["region"]));
        }
    }

    private void HeadlinesHtml(AngleSharp.Dom.IDocument page)
    {
        var month = page.QuerySelector("#f-month option[selected]")!.GetAttribute("value")!;
        foreach (var tr in page.QuerySelectorAll("[data-panel='public-headlines'] tbody tr"))
            foreach (var td in tr.QuerySelectorAll("td[data-col]"))
                if (Indicators.Contains(td.GetAttribute("data-col")!))
                    Add(Key(td.GetAttribute("data-col")!, tr.GetAttribute("data-key")!, month), new Observation("page", td.TextContent.Trim()));
    }

    private void TrendHtml(string indicator, string region, AngleSharp.Dom.IDocument page)
    {
        foreach (var tr in page.QuerySelectorAll("[data-panel='public-trend'] tbody tr"))
        {
            var month = tr.GetAttribute("data-key")!;
            Add(Key(indicator, "IT", month), new Observation("page", tr.QuerySelector("td[data-col='national']")!.TextContent.Trim()));
            if (region != "") Add(Key(indicator, region, month), new Observation("page", tr.QuerySelector("td[data-col='region']")!.TextContent.Trim()));
        }
    }

    /// <summary>A member row ("total" is the territory's total) of the public-members table.</summary>
    private CellKey MemberKey(string indicator, string region, string month, string dimension, string member) =>
        member == "total" ? Key(indicator, region == "" ? "IT" : region, month)
        : new CellKey(indicator, region == "" ? "national" : "region", region == "" ? "IT" : region, month, dimension, member);

    private void MembersCsv(string dimension, string region, List<Dictionary<string, string>> rows)
    {
        foreach (var row in rows)
            foreach (var indicator in Indicators.Where(row.ContainsKey))
                Add(MemberKey(indicator, region, row["month"], dimension, row["member"]), new Observation("members.csv", row[indicator]));
    }

    private void MembersHtml(string dimension, string region, AngleSharp.Dom.IDocument page)
    {
        var month = page.QuerySelector("#f-month option[selected]")?.GetAttribute("value") ?? Months.Max(StringComparer.Ordinal)!;
        Assert.Equal(dimension, page.QuerySelector("#f-dimension option[selected]")?.GetAttribute("value") ?? Dimensions[0]);
        foreach (var tr in page.QuerySelectorAll("[data-panel='public-members'] tbody tr"))
            foreach (var td in tr.QuerySelectorAll("td[data-col]"))
                if (Indicators.Contains(td.GetAttribute("data-col")!))
                    Add(MemberKey(td.GetAttribute("data-col")!, region, month, dimension, tr.GetAttribute("data-key")!), new Observation("page", td.TextContent.Trim()));
    }

    /// <summary>A downloaded CSV read by DuckDB's CSV reader (every column as text), one dictionary per row.</summary>
    private static async Task<List<Dictionary<string, string>>> Csv(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "harvest-" + Guid.NewGuid().ToString("N") + ".csv");
        // A panel CSV opens with "# machine format: …" comment lines; the data start at the header.
        await File.WriteAllLinesAsync(path, text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !l.StartsWith('#')));
        try
        {
            using var c = new DuckDBConnection("Data Source=:memory:");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"select * from read_csv('{path}', header = true, all_varchar = true, delim = ',', quote = '\"')";
            using var r = cmd.ExecuteReader();
            var rows = new List<Dictionary<string, string>>();
            while (r.Read())
            {
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < r.FieldCount; i++) row[r.GetName(i)] = r.IsDBNull(i) ? "" : r.GetString(i);
                rows.Add(row);
            }
            return rows;
        }
        finally { File.Delete(path); }
    }
}
