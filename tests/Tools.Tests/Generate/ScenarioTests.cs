using System.Text.Json;

namespace Monitoring.Tests.Tools.Generate;

/// <summary>The behaviours planted for the red flags are in the data, where the truth file says.</summary>
public class ScenarioTests(TinyExportFixture export) : IClassFixture<TinyExportFixture>
{
    private JsonElement Truth => JsonDocument.Parse(File.ReadAllBytes(export.Summary.TruthPath)).RootElement;

    private static string InList(IEnumerable<string> codes) => string.Join(",", codes.Select(c => $"'{c}'"));

    private List<string> Codes(string name) => Truth.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();

    [Fact]
    public void TinyHasEightToTenAtsWithOneOfEachKind()
    {
        var ats = export.Count("select count(*) from ambiti");
        Assert.InRange(ats, 8, 10);
        Assert.Single(Codes("slow_ats"));
        Assert.Single(Codes("understaffed_ats"));
        Assert.Single(Codes("noisy_ats"));
    }

    [Fact]
    public void GapAtsHasNoCaseManagerActiveInTheGapMonth()
    {
        var gap = Truth.GetProperty("no_case_manager_months")[0];
        var ats = gap.GetProperty("ats_code").GetString();
        var month = DateOnly.ParseExact(gap.GetProperty("month").GetString()! + "-01", "yyyy-MM-dd");
        var last = month.AddMonths(1).AddDays(-1);
        // The indicators contract's definition of an operator active in a month.
        string Active(DateOnly first, DateOnly end) => $"""
            select count(*) from operators where role = 'case_manager' and ats_code = '{ats}'
              and active_from::date <= DATE '{end:yyyy-MM-dd}' and (active_to is null or active_to::date >= DATE '{first:yyyy-MM-dd}')
            """;
        Assert.Equal(0, export.Count(Active(month, last)));
        Assert.True(export.Count(Active(month.AddMonths(-1), month.AddDays(-1))) > 0);
        Assert.True(export.Count(Active(month.AddMonths(1), month.AddMonths(2).AddDays(-1))) > 0);
        Assert.Equal(0, export.Count($"select count(*) from case_events e join cases c using (case_id) where c.ats_code = '{ats}' and e.event_date::date between DATE '{month:yyyy-MM-dd}' and DATE '{last:yyyy-MM-dd}'"));
    }

    [Fact]
    public void SomeOperatorStartsMidMonthAndSomeLeave()
    {
        Assert.True(export.Count("select count(*) from operators where role = 'case_manager' and day(active_from::date) > 1 and active_from::date >= DATE '2025-05-01'") > 0);
        Assert.True(export.Count("select count(*) from operators where active_to::date <= DATE '2026-10-31'") > 0);
        Assert.True(export.Count("select count(*) from operators where weekly_hours is null") > 0);
        Assert.True(export.Count("select count(*) from operators where weekly_hours in ('18','24','30')") > 0);
    }

    [Fact]
    public void UnderstaffedAtsHasFarMoreOpenCasesPerCaseManager()
    {
        var under = Codes("understaffed_ats");
        var normal = InList(Truth.GetProperty("ats").EnumerateArray()
            .Where(a => a.GetProperty("profile").GetString() == "normal").Select(a => a.GetProperty("ats_code").GetString()!));
        double Ratio(string list) =>
            (double)export.Count($"select count(*) from cases where ats_code in ({list}) and closed_date is null")
            / export.Count($"select count(*) from operators where role = 'case_manager' and ats_code in ({list}) and active_from::date <= DATE '2026-10-31' and (active_to is null or active_to::date >= DATE '2026-10-31')");
        Assert.True(Ratio(InList(under)) > 2 * Ratio(normal), $"understaffed {Ratio(InList(under)):F1} vs normal {Ratio(normal):F1}");
    }

    [Fact]
    public void SlowAtsTakesMuchLongerToConvocation()
    {
        var slow = InList(Codes("slow_ats"));
        var normal = InList(Truth.GetProperty("ats").EnumerateArray()
            .Where(a => a.GetProperty("profile").GetString() == "normal").Select(a => a.GetProperty("ats_code").GetString()!));
        double Median(string list) => export.Count($"""
            select median(d)::bigint from (
              select min(e.event_date::date) - c.opened_date::date as d
              from cases c join case_events e using (case_id)
              where e.event_type = 'convocation' and c.ats_code in ({list}) group by c.case_id, c.opened_date)
            """);
        Assert.True(Median(slow) > 2 * Median(normal), $"slow {Median(slow)} vs normal {Median(normal)} days");
    }

    [Fact]
    public void NoisyAtsIsOneSmallMunicipalityWithOneOrTwoCaseManagerPosts()
    {
        var noisy = Codes("noisy_ats").Single();
        var entry = Truth.GetProperty("ats").EnumerateArray().Single(a => a.GetProperty("ats_code").GetString() == noisy);
        Assert.InRange(entry.GetProperty("case_manager_posts").GetInt32(), 1, 2);
        Assert.Equal(1, export.Count($"select count(*) from ambito_comuni where ats_code = '{noisy}'"));
        var median = export.Count("select median(n)::bigint from (select count(*) n from cases group by ats_code)");
        Assert.True(export.Count($"select count(*) from cases where ats_code = '{noisy}'") < median / 3);
    }

    [Fact]
    public void MovesAndMergersAreDatedInTheMembership()
    {
        var move = Truth.GetProperty("moved_municipalities")[0];
        var code = move.GetProperty("municipality_code").GetString();
        Assert.Equal(2, export.Count($"select count(*) from ambito_comuni where municipality_code = '{code}'"));
        Assert.Equal(1, export.Count($"select count(*) from ambito_comuni where municipality_code = '{code}' and valid_to is null and ats_code = '{move.GetProperty("to_ats").GetString()}'"));
        var merged = Truth.GetProperty("merged_municipalities")[0].GetProperty("municipality_code").GetString();
        Assert.Equal(1, export.Count($"select count(*) from ambito_comuni where municipality_code = '{merged}' and valid_to is not null"));
        Assert.Equal(0, export.Count($"select count(*) from households where municipality_code = '{merged}'"));
    }

    [Fact]
    public void ShapeFollowsTheProgramme()
    {
        // about half to social services, most others to employment services, a few exempt
        var started = export.Count("select count(*) from households where pathway is not null");
        Assert.InRange(export.Count("select count(*) from households where pathway = 'social_services'") / (double)started, 0.45, 0.6);
        Assert.InRange(export.Count("select count(*) from households where pathway = 'exempt'") / (double)started, 0.02, 0.12);
        // average payment about €620
        Assert.InRange(export.Count("select avg(amount_eur::double)::bigint from payments"), 560, 700);
        // Campania households: about 2.5 persons
        Assert.InRange(export.Count("select (100 * avg(members::int))::bigint from households"), 230, 280);
        Assert.True(export.Count("select count(*) from households where measure = 'RDC'") > 0);
        Assert.True(export.Count("select count(distinct status) from households") >= 5);
    }
}
