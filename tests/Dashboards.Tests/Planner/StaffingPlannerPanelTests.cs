using Bunit;
using Monitoring.Dashboards.Components.Shared;
using Monitoring.Dashboards.Queries;

namespace Monitoring.Tests.Dashboards.Planner;

/// <summary>The staffing planner's arithmetic, against figures worked out by hand.</summary>
public sealed class StaffingPlannerPanelTests : IDisposable
{
    private readonly BunitContext _ctx = new();

    private Func<string, string> Render(StaffingInputs inputs, double growth)
    {
        var cut = _ctx.Render<StaffingPlannerPanel>(p => p.Add(x => x.Inputs, inputs).Add(x => x.Growth, growth).Add(x => x.Lang, "en").Add(x => x.Caption, "plan"));
        return key => cut.Find($"tr[data-key='{key}'] td[data-col='value']").TextContent.Trim();
    }

    [Fact]
    public void A_district_of_100000_residents_with_10_case_managers()
    {
        // 100,000 residents: 1:6,500 → 15.38 workers, 1:5,000 → 20, 1:4,000 → 25.
        var cell = Render(new StaffingInputs(Population: 100_000, CaseManagers: 10, Households: 500, OpenCases: 300, NationalResidentsPerCaseManager: 8_000), growth: 10);
        Assert.Equal("10,000", cell("residents_per_cm"));   // written for the English reader
        Assert.Equal("2", cell("cm_per_100_households"));          // 10 / 500 × 100
        Assert.Equal("50", cell("households_per_cm"));             // 500 / 10
        Assert.Equal("3", cell("more_for_national"));              // 100,000 / 8,000 = 12.5 → 13 − 10
        Assert.Equal("10", cell("more_for_5000"));                 // 20 − 10
        Assert.Equal("15", cell("more_for_4000"));                 // 25 − 10
        // Today 10 < 15.38: no contribution. At 20: €40,000 × (20 − 15.3846) = €184,615.
        Assert.Equal("€184,615", cell("contribution_5000"));
        // At 25: €184,615 + €20,000 × (25 − 20) = €284,615.
        Assert.Equal("€284,615", cell("contribution_4000"));
        Assert.Equal("330", cell("open_cases_after"));             // 300 × 1.10
        Assert.Equal("33", cell("caseload_after"));                // 330 / 10
        Assert.Equal("1", cell("more_for_caseload"));              // 330 / 30 per head = 11 → 11 − 10
    }

    [Fact]
    public void A_district_already_past_one_per_6500_only_gets_the_contribution_for_new_hires()
    {
        // 65,000 residents: thresholds 10 (1:6,500), 13 (1:5,000), 16.25 (1:4,000); 12 case managers today.
        var cell = Render(new StaffingInputs(65_000, 12, 1_000, 240, 5_000), growth: 0);
        Assert.Equal("1", cell("more_for_5000"));                  // 13 − 12
        Assert.Equal("€40,000", cell("contribution_5000"));          // €40,000 × (13 − 12)
        Assert.Equal("5", cell("more_for_4000"));                  // 16.25 → 17 − 12
        // At 17: €40,000 × 3 + €20,000 × 3.25 = €185,000; today: €40,000 × 2 = €80,000; difference €105,000.
        Assert.Equal("€105,000", cell("contribution_4000"));
        Assert.Equal("1", cell("more_for_national"));              // 65,000 / 5,000 = 13 → 13 − 12
        Assert.Equal("0", cell("more_for_caseload"));
    }

    [Fact]
    public void Staff_above_every_standard_needs_no_hires_and_no_money()
    {
        var cell = Render(new StaffingInputs(40_000, 12, 300, 100, 9_000), growth: -20);
        Assert.Equal("0", cell("more_for_5000"));
        Assert.Equal("0", cell("more_for_4000"));
        Assert.Equal("€0", cell("contribution_5000"));
        Assert.Equal("€0", cell("contribution_4000"));
        Assert.Equal("80", cell("open_cases_after"));
    }

    public void Dispose() => _ctx.Dispose();
}
