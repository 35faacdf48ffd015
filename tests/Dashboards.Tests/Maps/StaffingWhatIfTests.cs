using System.Globalization;
using System.Text.Json;
using Monitoring.Tests.Dashboards.FirstContact;

namespace Monitoring.Tests.Dashboards.Maps;

/// <summary>
/// The regional planner's staffing what-if (issue 16) through the real app: the plain form moves FTE between two ATS of
/// the region, and the before/after figures are the test's own arithmetic over the warehouse (FTE = weekly hours / 36 of
/// the case managers active in the month, Law 178/2020 c. 797 written out again, the cost per FTE from
/// reference/staffing-cost.json). Tampered parameters get 400, ATS outside the region and other roles 403.
/// </summary>
[Collection("maps")]
public sealed class StaffingWhatIfTests(ItalyMapsApp app) : BrowserTest(app.Windows)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string Region = "15";

    private static double Contribution(double population, double fte)
    {
        double lower = population / 6500, essential = population / 5000, target = population / 4000;
        return 40_000 * Math.Min(Math.Max(fte - lower, 0), essential - lower) + 20_000 * Math.Min(Math.Max(fte - essential, 0), target - essential);
    }

    private static double CostPerFte() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts.RepoRoot, "reference", "staffing-cost.json")))
        .RootElement.GetProperty("cost_per_fte_eur_year").GetDouble();

    /// <summary>Euros as the Italian page writes them, the sign included ("€ −40.000").</summary>
    private static string Eur(double v) => "€ " + (Math.Round(v) < 0 ? "−" : "") + ReaderNumbers.Count(Math.Abs(v), "it");

    private sealed record Staff(string Ats, double Population, double Households, double Fte);

    private static List<Staff> StaffOfRegion(DuckDB.NET.Data.DuckDBConnection db)
    {
        var month = Expected.Scalar<string>(db, "select max(month) from indicator_values where level = 'national'");
        return Expected.Rows(db, $"""
            select a.ats_code,
                   (select numerator from indicator_values where indicator_id = 'residents_per_case_manager' and level = 'ats' and territory_code = a.ats_code and month = '{month}') as population,
                   (select numerator from indicator_values where indicator_id = 'households_paid' and level = 'ats' and territory_code = a.ats_code and month = '{month}') as households,
                   (select coalesce(sum(coalesce(weekly_hours / 36.0, 1.0)), 0) from dim_operator o
                     where o.ats_code = a.ats_code and o.role = 'case_manager'
                       and o.active_from <= last_day(cast('{month}-01' as date)) and (o.active_to is null or o.active_to >= cast('{month}-01' as date))) as fte
            from dim_ats a where a.region_code = '{Region}' order by a.ats_code
            """).Select(r => new Staff((string)r["ats_code"]!, Expected.D(r["population"]) ?? 0, Expected.D(r["households"]) ?? 0, Convert.ToDouble(r["fte"]))).ToList();
    }

    [Fact]
    public async Task Moving_fte_between_two_ats_shows_before_and_after_ratios_gap_contribution_and_cost()
    {
        using var db = app.Warehouse();
        var staff = StaffOfRegion(db);
        var from = staff.Where(s => s.Fte >= 0.2).OrderByDescending(s => s.Fte).ThenBy(s => s.Ats).First();
        var to = staff.Where(s => s.Ats != from.Ats).OrderBy(s => s.Fte).ThenBy(s => s.Ats).First();
        var move = Math.Floor(from.Fte * 10 / 2) / 10;   // half of what the giving ATS has, to one decimal
        var cost = CostPerFte();

        var page = await app.WindowAsync("planner_region");
        await page.GotoAsync("/planner");
        await page.SelectOptionAsync("#move_from", from.Ats);
        await page.SelectOptionAsync("#move_to", to.Ats);
        await page.FillAsync("#move_fte", move.ToString(Inv));
        await page.ClickAsync("form.whatif-form button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("move_fte="));
        Assert.Equal("true", await page.Locator(".whatif-summary").GetAttributeAsync("data-moved"));

        async Task<string> Cell(string ats, string col)
            => (await page.Locator($".grid-table[data-panel='planner-whatif'] tr[data-key='{ats}'] [data-col='{col}']").InnerTextAsync()).Trim();
        Assert.Equal(staff.Count + 1, await page.Locator(".grid-table[data-panel='planner-whatif'] tbody tr").CountAsync());
        foreach (var s in staff)
        {
            var delta = s.Ats == to.Ats ? move : s.Ats == from.Ats ? -move : 0;
            var after = s.Fte + delta;
            Assert.Equal(ReaderNumbers.Decimal(s.Fte, "it"), await Cell(s.Ats, "fte_before"));
            Assert.Equal(ReaderNumbers.Decimal(after, "it"), await Cell(s.Ats, "fte_after"));
            Assert.Equal(after > 0 ? ReaderNumbers.Count(s.Population / after, "it") : "", await Cell(s.Ats, "residents_per_fte_after"));
            Assert.Equal(after > 0 ? ReaderNumbers.Decimal(s.Households / after, "it") : "", await Cell(s.Ats, "households_per_fte_after"));
            Assert.Equal(ReaderNumbers.Decimal(Math.Max(0, s.Population / 5000 - after), "it"), await Cell(s.Ats, "gap_5000_after"));
            Assert.Equal(Eur(Contribution(s.Population, after) - Contribution(s.Population, s.Fte)), await Cell(s.Ats, "contribution_change"));
            Assert.Equal(Eur(delta * cost), await Cell(s.Ats, "cost_change"));
        }
        // The region: the State contribution changes by the two ATS's changes; the staff cost does not change (a move, not a hire).
        var total = staff.Sum(s => Contribution(s.Population, s.Fte + (s.Ats == to.Ats ? move : s.Ats == from.Ats ? -move : 0)) - Contribution(s.Population, s.Fte));
        Assert.Equal(Eur(total), await Cell(Region, "contribution_change"));
        Assert.Equal(Eur(0), await Cell(Region, "cost_change"));
        await DashboardsApp.ScreenshotAsync(page, "planner-whatif");

        // Its CSV: the same scenario from the same URL, every ATS and the total.
        var query = new Uri(page.Url).Query;
        var csv = await (await page.APIRequest.GetAsync("/api/panels/planner-whatif.csv" + query)).TextAsync();
        var lines = csv.Trim().Split('\n').Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(staff.Count + 2, lines.Count);
        var header = lines[0].Split(',');
        var toLine = lines.Single(l => l.StartsWith(to.Ats + ",")).Split(',');
        Assert.Equal(to.Fte + move, double.Parse(toLine[Array.IndexOf(header, "fte_after")], Inv), 2);
    }

    [Fact]
    public async Task New_hires_add_their_cost_and_the_contribution_they_earn()
    {
        using var db = app.Warehouse();
        var staff = StaffOfRegion(db);
        var to = staff.Where(s => s.Population > 0).OrderBy(s => s.Fte / s.Population).ThenBy(s => s.Ats).First();
        var page = await app.WindowAsync("planner_region");
        Assert.Equal(200, (await page.GotoAsync($"/planner?move_from=new&move_to={to.Ats}&move_fte=2"))!.Status);
        var row = page.Locator($".grid-table[data-panel='planner-whatif'] tr[data-key='{to.Ats}']");
        Assert.Equal(Eur(2 * CostPerFte()), (await row.Locator("[data-col='cost_change']").InnerTextAsync()).Trim());
        var gain = Contribution(to.Population, to.Fte + 2) - Contribution(to.Population, to.Fte);
        Assert.Equal(Eur(gain), (await row.Locator("[data-col='contribution_change']").InnerTextAsync()).Trim());
        Assert.Equal(Eur(2 * CostPerFte() - gain), (await row.Locator("[data-col='net_cost_change']").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Tampered_what_if_parameters_are_refused_and_ats_outside_the_region_are_forbidden()
    {
        using var db = app.Warehouse();
        var staff = StaffOfRegion(db);
        var (a, b) = (staff[0].Ats, staff[1].Ats);
        var otherRegionAts = Expected.Scalar<string>(db, $"select min(ats_code) from dim_ats where region_code <> '{Region}'");
        var page = await app.WindowAsync("planner_region");
        // Every bad number refused by the CSV endpoint; the page (heavier) checked for two of them.
        foreach (var bad in new[] { "NaN", "Infinity", "1e999", "-1", "0", "abc", "1001", "1,5", " " + "2;drop" })
        {
            var q = $"?move_from={a}&move_to={b}&move_fte={Uri.EscapeDataString(bad)}";
            Assert.Equal(400, (await page.APIRequest.GetAsync("/api/panels/planner-whatif.csv" + q)).Status);
            if (bad is not ("NaN" or "1,5")) continue;
            Assert.Equal(400, (await page.GotoAsync("/planner" + q))!.Status);
            Assert.Equal("move_fte", await page.Locator(".whatif-error").GetAttributeAsync("data-parameter"));
        }
        // More than the giving ATS has; the same ATS twice; a receiving ATS missing.
        var more = (staff[0].Fte + 1).ToString(Inv);
        foreach (var q in new[] { $"?move_from={a}&move_to={b}&move_fte={more}", $"?move_from={a}&move_to={a}&move_fte=0.1", $"?move_from={a}&move_fte=1" })
        {
            Assert.Equal(400, (await page.GotoAsync("/planner" + q))!.Status);
            Assert.Equal(400, (await page.APIRequest.GetAsync("/api/panels/planner-whatif.csv" + q)).Status);
        }
        // An ATS of another region, or one that does not exist, on either side: forbidden, nothing of it shown.
        foreach (var q in new[] { $"?move_from={otherRegionAts}&move_to={b}&move_fte=0.1", $"?move_from=new&move_to={otherRegionAts}&move_fte=1",
                                  "?move_from=new&move_to=ATS-99-999&move_fte=1" })
        {
            Assert.Equal(403, (await page.GotoAsync("/planner" + q))!.Status);
            Assert.Equal(403, (await page.APIRequest.GetAsync("/api/panels/planner-whatif.csv" + q)).Status);
        }
        // Other roles: the what-if is the regional planner's (and the Ministry's for a chosen region).
        foreach (var role in new[] { "planner_ats", "coordinator", "case_manager" })
        {
            var other = await app.WindowAsync(role);
            Assert.Equal(403, (await other.APIRequest.GetAsync($"/api/panels/planner-whatif.csv?move_from=new&move_to={a}&move_fte=1")).Status);
            await other.GotoAsync("/planner");
            Assert.Equal(0, await other.Locator("form.whatif-form").CountAsync());
        }
        var visitor = await app.WindowAsync(null);
        Assert.Equal(403, (await visitor.APIRequest.GetAsync("/api/panels/planner-whatif.csv")).Status);
        var ministry = await app.WindowAsync("ministry");
        Assert.Equal(200, (await ministry.APIRequest.GetAsync($"/api/panels/planner-whatif.csv?region={Region}&move_from=new&move_to={a}&move_fte=1")).Status);
        Assert.Equal(400, (await ministry.APIRequest.GetAsync("/api/panels/planner-whatif.csv")).Status);   // which region?
    }
}
