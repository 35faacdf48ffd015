using System.Globalization;
using Monitoring.Dashboards.Localization;

namespace Monitoring.Dashboards.Queries;

/// <summary>
/// The regional planner's what-if (issue 16): move FTE from one ATS of the region to another (or add new hires to one)
/// and see, per ATS and for the region, residents and households per FTE, the FTE short of 1:5,000, the State
/// contribution (<see cref="StaffingPlanner.Contribution"/>) and the cost (<see cref="StaffingCost"/>) before and after.
/// The move comes from the URL (a plain GET form), so every part is untrusted: an ATS outside the reader's region is a
/// <see cref="ScopeViolation"/> (403), a value that is no move (not a positive number, more FTE than the ATS has, the
/// same ATS twice) an <see cref="InvalidFilterValue"/> (400). Inputs are the same indicator values as
/// <see cref="RegionPlannerQueries.StaffingFte"/>, so "before" is that panel's figures.
/// </summary>
public sealed class WhatIfQueries(MetaQueries meta, ScopeRules rules)
{
    /// <summary>The <c>move_from</c> value that adds new hires instead of taking FTE from an ATS.</summary>
    public const string NewHires = "new";
    /// <summary>No ATS employs anywhere near this many; a larger number is a typing error or a probe.</summary>
    public const double MaxFte = 1000;

    /// <summary>A validated move: <paramref name="From"/> null for new hires.</summary>
    public sealed record Move(string? From, string To, double Fte);

    /// <summary>The region the what-if is about: the regional planner's own, or the Ministry's ?region=.</summary>
    public string Region(UserScope scope, PanelFilter f)
    {
        rules.RequireRole(scope, "the staffing what-if", UserRole.Ministry, UserRole.PlannerRegion);
        var region = f.Region ?? scope.RegionCode ?? throw new InvalidFilterValue("region", "choose a region");
        rules.RequireRegion(scope, region, "the staffing what-if");
        return region;
    }

    /// <summary>The move the URL asks for, validated; null when it asks for none.</summary>
    public Move? ParseMove(UserScope scope, PanelFilter f, string region, IReadOnlyDictionary<string, double> fteByAts)
    {
        if (f.MoveFrom is null && f.MoveTo is null && f.MoveFte is null) return null;
        var to = f.MoveTo ?? throw new InvalidFilterValue("move_to", "choose the ATS that receives the FTE");
        var text = f.MoveFte ?? throw new InvalidFilterValue("move_fte", "give the FTE to move");
        // Invariant digits only ("2.5"): the form's number field sends them so whatever the page's language.
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fte) || !double.IsFinite(fte)
            || fte <= 0 || fte > MaxFte)
            throw new InvalidFilterValue("move_fte", $"a number of FTE above 0 and at most {MaxFte.ToString(CultureInfo.InvariantCulture)}");
        RequireAtsOfRegion(scope, to, region);
        string? from = null;
        if (f.MoveFrom is { } source && source != NewHires)
        {
            RequireAtsOfRegion(scope, source, region);
            if (source == to) throw new InvalidFilterValue("move_from", "the two ATS must differ");
            var has = fteByAts.GetValueOrDefault(source);
            if (fte > has + 1e-9)
                throw new InvalidFilterValue("move_fte", $"ATS {source} has {has.ToString("0.##", CultureInfo.InvariantCulture)} FTE: it cannot give {fte.ToString("0.##", CultureInfo.InvariantCulture)}");
            from = source;
        }
        return new Move(from, to, fte);
    }

    private void RequireAtsOfRegion(UserScope scope, string ats, string region)
    {
        rules.RequireAts(scope, ats, "the staffing what-if");
        if (meta.RegionOfAts(ats) != region) throw new ScopeViolation(scope.Role, $"the staffing what-if for ATS {ats} outside region {region}");
    }

    /// <summary>Per ATS of the region and for the region as a whole: staffing before and after the move.</summary>
    public Grid WhatIf(UserScope scope, PanelFilter f)
    {
        var region = Region(scope, f);
        var month = meta.ResolveMonth(f.Month);
        var values = meta.Values();
        double Num(string id, string code) => values.Get(id, "ats", code, month)?.Numerator ?? 0;
        var atsList = meta.Ats(region).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var fte = atsList.ToDictionary(a => a.Code, a => Num(meta.ForRole(DashboardRole.CaseManagerFte).Id, a.Code));
        var move = ParseMove(scope, f, region, fte);
        var cost = StaffingCost.PerFteEur;

        string residents = meta.ForRole(DashboardRole.Residents).Id, households = meta.ForRole(DashboardRole.HouseholdsPaid).Id;
        var lines = atsList.Select(a =>
        {
            var delta = move is null ? 0 : (a.Code == move.To ? move.Fte : 0) - (a.Code == move.From ? move.Fte : 0);
            return new Line(a.Code, a.Name, Num(residents, a.Code), Num(households, a.Code), fte[a.Code], fte[a.Code] + delta, cost);
        }).ToList();
        var lang = f.Lang;
        var rows = lines.Select(l => l.Row()).ToList();
        rows.Add(Line.Total(region, WhatIfLabels.T(lang, "whatif.total"), lines));
        return new Grid("planner-whatif",
            [Columns.Of(lang, "ats"), Columns.Of(lang, "ats_name"), PlannerLabels.Column(lang, "population", "count"), WhatIfLabels.Column(lang, "households", "count"),
             WhatIfLabels.Column(lang, "fte_before", "number"), WhatIfLabels.Column(lang, "fte_after", "number"),
             WhatIfLabels.Column(lang, "residents_per_fte_before", "count"), WhatIfLabels.Column(lang, "residents_per_fte_after", "count"),
             WhatIfLabels.Column(lang, "households_per_fte_before", "number"), WhatIfLabels.Column(lang, "households_per_fte_after", "number"),
             WhatIfLabels.Column(lang, "gap_5000_before", "number"), WhatIfLabels.Column(lang, "gap_5000_after", "number"),
             WhatIfLabels.Column(lang, "contribution_before", "eur"), WhatIfLabels.Column(lang, "contribution_after", "eur"),
             WhatIfLabels.Column(lang, "contribution_change", "eur"), WhatIfLabels.Column(lang, "cost_change", "eur"),
             WhatIfLabels.Column(lang, "net_cost_change", "eur")], rows);
    }

    /// <summary>One ATS before and after: the ratios, the gap to 1:5,000 and the money.</summary>
    private sealed record Line(string Code, string Name, double Population, double Households, double Before, double After, double CostPerFte)
    {
        private double ContributionBefore => StaffingPlanner.Contribution(Population, Before);
        private double ContributionAfter => StaffingPlanner.Contribution(Population, After);
        private double Gap(double fte) => Math.Max(0, Population / StaffingPlanner.EssentialRatio - fte);
        private static double? Per(double n, double fte) => fte > 0 ? n / fte : null;

        public object?[] Row() =>
        [
            Code, Name, Population, Households, Before, After, Per(Population, Before), Per(Population, After),
            Per(Households, Before), Per(Households, After), Gap(Before), Gap(After), ContributionBefore, ContributionAfter,
            ContributionAfter - ContributionBefore, (After - Before) * CostPerFte,
            (After - Before) * CostPerFte - (ContributionAfter - ContributionBefore),
        ];

        /// <summary>The region: sums, ratios of the sums, and the sum of each ATS's own gap (one ATS's surplus does not staff another).</summary>
        public static object?[] Total(string region, string name, IReadOnlyList<Line> lines)
        {
            double Sum(Func<Line, double> f) => lines.Sum(f);
            double pop = Sum(l => l.Population), hh = Sum(l => l.Households), before = Sum(l => l.Before), after = Sum(l => l.After);
            double cb = Sum(l => l.ContributionBefore), ca = Sum(l => l.ContributionAfter), costChange = Sum(l => (l.After - l.Before) * l.CostPerFte);
            return [region, name, pop, hh, before, after, Per(pop, before), Per(pop, after), Per(hh, before), Per(hh, after),
                Sum(l => l.Gap(l.Before)), Sum(l => l.Gap(l.After)), cb, ca, ca - cb, costChange, costChange - (ca - cb)];
        }
    }
}
