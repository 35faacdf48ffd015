using Xunit.Abstractions;
using Monitoring.Tests.Dashboards.Maps;

namespace Monitoring.Tests.Dashboards.Disclosure;

/// <summary>
/// Issue 12, disclosure: the real app on a real snapshot with its real open-data release (the tiny-italy app of the
/// "maps" collection); everything public pulled over HTTP once (<see cref="PublicHarvest"/>) and attacked
/// (<see cref="HiddenCellAttack"/>).
/// </summary>
[Collection("maps")]
public sealed partial class PublicDisclosureAttackTests(ItalyMapsApp app, ITestOutputHelper output) : IAsyncLifetime
{
    private PublicHarvest H = default!;

    public async Task InitializeAsync() => H = await app.HarvestAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void No_hidden_cell_can_be_recovered_from_every_public_table_csv_and_the_open_data_release_together()
    {
        // The attack must have something to attack, or it proves nothing.
        var hiddenCounts = H.Cells.Where(kv => H.Kinds.GetValueOrDefault(kv.Key.Indicator) == "count"
                                               && kv.Value.Any(o => o.Text == "<10")).ToList();
        Assert.True(hiddenCounts.Count > 0, "the snapshot has no small count to protect");
        Assert.Contains(H.Cells.Values.SelectMany(o => o), o => o.Status == "secondary_suppression");
        output.WriteLine($"{H.Requests} requests, {H.Cells.Count} cells, {hiddenCounts.Count} with a small count on some surface");

        var findings = HiddenCellAttack.Run(H);
        foreach (var f in findings.Take(40)) output.WriteLine(f.ToString());
        Assert.True(findings.Count == 0, $"{findings.Count} hidden cells recovered, e.g. {string.Join("; ", findings.Take(5))}");
    }

    [Fact]
    public void Every_cell_the_public_page_and_its_csvs_show_is_the_cell_the_release_publishes()
    {
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var (key, obs) in H.Cells)
        {
            var release = obs.FirstOrDefault(o => o.Source == "release");
            var shown = obs.Where(o => o.Source != "release").ToList();
            if (shown.Count == 0) continue;
            if (release is null) { mismatches.Add($"{key}: on the page, not in the release"); continue; }
            foreach (var o in shown)
            {
                compared++;
                if (!Same(key, o, release)) mismatches.Add($"{key}: {o.Source} '{o.Text}', release '{release.Text}' ({release.Status})");
            }
        }
        // Every national and regional cell of the release is on the page (the release holds no month or indicator the page lacks).
        // (The members: the harvest reads the page's member tables in the latest month only.)
        var latest = H.Months.Max(StringComparer.Ordinal);
        foreach (var (key, obs) in H.Cells.Where(kv => kv.Key.Level != "ats" && (kv.Key.Dimension == "" || kv.Key.Month == latest)))
            if (obs.All(o => o.Source == "release") && obs[0].Status != "no_value")
                mismatches.Add($"{key}: in the release ({obs[0].Text}, {obs[0].Status}), on no page");
        output.WriteLine($"{compared} page/CSV cells compared with the release");
        Assert.True(compared > 1000, $"only {compared} cells compared");
        foreach (var m in mismatches.Take(40)) output.WriteLine(m);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} cells differ, e.g. {string.Join("; ", mismatches.Take(5))}");
    }

    /// <summary>The page writes numbers for reading (counts whole, shares as a percent with one decimal, days with one).</summary>
    private bool Same(CellKey key, Observation page, Observation release)
    {
        switch (release.Status)
        {
            case "published":
                if (page.Number is not { } p || release.Number is not { } r) return false;
                // A share printed "12.3%" is within 0.05 points; euro are printed whole, days to one decimal.
                var tolerance = H.Kinds.GetValueOrDefault(key.Indicator) == "count" ? 0 : page.Text.EndsWith('%') ? 0.0006 : 0.51;
                return Math.Abs(p - r) <= tolerance;
            case "small_count":
                return page.Text == "<10";
            case "small_denominator":
            case "secondary_suppression":
                return page.Text == "n.p.";
            default:
                return page.Text == "";
        }
    }
}
