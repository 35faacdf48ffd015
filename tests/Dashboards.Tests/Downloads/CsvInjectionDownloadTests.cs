using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Playwright;

namespace Monitoring.Tests.Dashboards.Downloads;

/// <summary>
/// Formula injection from the outside: a follow-up note starting with "-" is posted through the real app's form
/// (signed in, antiforgery token and all), then ministry-flags.csv is downloaded as the user would. The note
/// must come back neutralised by a leading ', and the negative z-scores must still be bare numbers.
/// </summary>
[Collection("app")]
public sealed class CsvInjectionDownloadTests(DashboardsApp app) : BrowserTest(app.Windows)
{
    const string Attack = "-1+1+cmd|' /C calc'!A0";

    [Fact]
    public async Task A_note_posted_through_the_app_comes_back_neutralised_in_ministry_flags_csv_and_numbers_stay_numbers()
    {
        var page = await app.SignedInAsync("ministry");
        var rows = page.Locator(".grid-table[data-panel='ministry-flags'] tbody tr");
        Assert.True(await rows.CountAsync() > 0, "the tiny export must raise at least one flag");
        var row = rows.Last; // the other follow-up test uses the first row
        var ats = await row.Locator("td[data-col='ats']").InnerTextAsync();
        var indicator = await row.GetAttributeAsync("data-key");
        await row.Locator("input[name='notes']").FillAsync(Attack);
        await row.Locator("button[type='submit']").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var response = await page.APIRequest.GetAsync("/api/panels/ministry-flags.csv");
        Assert.Equal(200, response.Status);
        var body = await response.TextAsync();
        var raw = body.Split("\r\n").First(l => l.StartsWith(indicator + ",") && l.Contains("," + ats + ","));
        Assert.Contains("\"'" + Attack + "\"", raw); // quoted, with the leading apostrophe

        // Read back by an RFC 4180 reader (DuckDB's), every column as text.
        var file = Path.Combine(app.Root, "ministry-flags-" + Guid.NewGuid().ToString("N")[..6] + ".csv");
        // The panel CSV opens with a "# machine format" comment line; the reader gets the table from its header on.
        await File.WriteAllTextAsync(file, string.Join('\n', body.Split('\n').Where(l => !l.StartsWith('#'))));
        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        var parsed = Expected.Rows(duck, $"select * from read_csv('{file}', header = true, delim = ',', quote = '\"', escape = '\"', all_varchar = true)");
        var mine = parsed.Single(r => (string?)r["indicator_id"] == indicator && (string?)r["ats"] == ats);
        Assert.Equal("'" + Attack, mine["notes"]);

        // Numbers are never prefixed: every z is a plain number, and the flags below target include negative ones.
        var zs = parsed.Select(r => (string?)r["z"]).Where(z => !string.IsNullOrEmpty(z)).ToList();
        Assert.NotEmpty(zs);
        Assert.All(zs, z => Assert.True(double.TryParse(z, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"z '{z}' is not a number"));
        Assert.Contains(zs, z => z!.StartsWith('-'));
        Assert.DoesNotContain(parsed.SelectMany(r => r.Values), v => v is string s && s.Length > 0 && "=+-@\t\r".Contains(s[0]) && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
    }
}
