using System.Globalization;
using DuckDB.NET.Data;

namespace Monitoring.Tests.Dashboards.Disclosure;

/// <summary>
/// Issue 14, the disaggregated tables: the members of each dimension on the public page, its CSV and the release's
/// indicators_by_dimension are attacked with the rest (<see cref="HiddenCellAttack.MemberLines"/>); here, that the attack
/// had members to attack, and the page's members against counts the test makes itself from the snapshot.
/// </summary>
public sealed partial class PublicDisclosureAttackTests
{
    [Fact]
    public void The_attack_reaches_hidden_members_under_published_totals_on_the_page_and_in_the_release()
    {
        var latest = H.Months.Max(StringComparer.Ordinal)!;
        var members = H.Cells.Where(kv => kv.Key.Dimension != "").ToList();
        var onPage = members.Where(kv => kv.Value.Any(o => o.Source == "page")).ToList();
        var hiddenSmall = members.Count(kv => kv.Value.Any(o => o.Text == "<10"));
        var secondary = members.Count(kv => kv.Value.Any(o => o.Status == "secondary_suppression"));
        // A hidden member whose own total is published: the case "total minus the other members" must be closed.
        var underPublishedTotal = members.Count(kv => kv.Value.Any(o => o.Text == "<10")
                                                      && HiddenCellAttack.Published(H, kv.Key with { Dimension = "", Member = "" }) is not null);
        output.WriteLine($"{members.Count} member cells ({onPage.Count} on the page in {latest}), {hiddenSmall} '<10', {secondary} secondary, " +
                         $"{underPublishedTotal} hidden under a published total; {H.Dimensions.Count} dimensions");
        Assert.Equal(H.MembersOf.Keys.Order(StringComparer.Ordinal), H.Dimensions.Order(StringComparer.Ordinal));
        Assert.True(onPage.Count > 100, $"only {onPage.Count} member cells on the page");
        Assert.True(underPublishedTotal > 0 && secondary > 0, "no hidden member under a published total, or no secondary suppression among the members: nothing was attacked");
        // Every member line of the attack is complete on the page too: each dimension's members for Italy, latest month.
        foreach (var (dimension, codes) in H.MembersOf)
            Assert.All(codes, m => Assert.Contains(H.Cells.GetValueOrDefault(new CellKey("applications_received", "national", "IT", latest, dimension, m)) ?? [],
                o => o.Source == "page"));
    }

    /// <summary>
    /// Applications received in the latest month for Italy by measure and by "with minors", counted by the test from the
    /// snapshot's households (its own SQL, not the indicator models): each published member is that count, a "&lt;10"
    /// is below 10, an "n.p." (complementary) at least 10; and the rejected share is rejected / received.
    /// </summary>
    [Fact]
    public void The_page_members_are_the_households_the_test_counts_in_the_snapshot()
    {
        var latest = H.Months.Max(StringComparer.Ordinal)!;
        var snapshot = File.ReadAllText(Path.Combine(app.DataDir, "CURRENT")).Trim();
        using var db = new DuckDBConnection($"Data Source={Path.Combine(app.DataDir, "snapshots", snapshot, "warehouse.duckdb")};ACCESS_MODE=READ_ONLY");
        db.Open();
        var checkedCells = 0;
        foreach (var (dimension, member) in new[] { ("measure", "measure"), ("with_minors", "case when coalesce(minors, 0) > 0 then 'yes' else 'no' end") })
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"""
                select {member} as m, count(*) as received, count(*) filter (where status = 'rejected') as rejected
                from dim_household
                where strftime(application_date, '%Y-%m') = '{latest}' and application_date <= (select reference_date from run_meta)
                group by all
                """;
            var counts = new Dictionary<string, (long Received, long Rejected)>();
            using (var r = cmd.ExecuteReader())
                while (r.Read()) counts[r.GetString(0)] = (r.GetInt64(1), r.GetInt64(2));
            Assert.True(counts.Values.Sum(c => c.Received) > 0, $"no application in {latest}");
            foreach (var code in H.MembersOf[dimension])
            {
                var (received, rejected) = counts.GetValueOrDefault(code);
                var key = new CellKey("applications_received", "national", "IT", latest, dimension, code);
                var page = H.Cells[key].First(o => o.Source == "page");
                if (page.Number is { } n) Assert.True(n == received, $"{key}: page {page.Text}, the snapshot's households {received}");
                else if (page.Text == "<10") Assert.True(received < 10, $"{key}: '<10' over {received}");
                else Assert.True(page.Text == "n.p." && received >= 10, $"{key}: '{page.Text}' over {received}");
                var rate = H.Cells.GetValueOrDefault(key with { Indicator = "applications_rejected_rate" })?.FirstOrDefault(o => o.Source == "page");
                if (rate?.Number is { } share)
                    Assert.True(Math.Abs(share - (double)rejected / received) <= 0.0006, $"{key}: rejected share {rate.Text}, the snapshot {rejected}/{received}");
                checkedCells++;
            }
            var total = H.Cells[new CellKey("applications_received", "national", "IT", latest)].First(o => o.Source == "page");
            if (total.Number is { } t) Assert.Equal(counts.Values.Sum(c => c.Received), t);
        }
        output.WriteLine($"{checkedCells} member cells of {latest} checked against the snapshot's households");
        Assert.True(checkedCells >= 6);
    }
}
