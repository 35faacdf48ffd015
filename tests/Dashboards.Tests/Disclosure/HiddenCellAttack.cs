namespace Monitoring.Tests.Dashboards.Disclosure;

/// <summary>
/// The outside reader with every public download in hand, written independently of the product's disclosure code.
/// For each count indicator and month the published cells obey linear equalities a reader knows from the definitions
/// (indicators-v1.md: ATS add up to their region, regions to Italy; the release's territories.csv says which ATS is in
/// which region; § Dimensions: a territory's members of a dimension add up to its total, so one member over the regions
/// adds up to Italy's). The reader bounds every hidden cell by interval propagation over those equalities, line after line
/// until nothing narrows (the tables are hierarchies, where this gives the same bounds as a linear program), in two
/// strengths:
/// <list type="bullet">
/// <item>equalities only (each hidden cell ≥ 0): a hidden cell whose interval is narrower than the threshold (10) is
/// recovered — the reader knows it to within less than the rule itself hides;</item>
/// <item>also using what each marker says ("&lt;10" ⇒ 0..9, the release's secondary_suppression ⇒ at least 10, a
/// published average payment ⇒ at least 20 households paid, a withheld one over a small denominator ⇒ at most 19):
/// a hidden cell left with a single whole number is recovered.</item>
/// </list>
/// A cell hidden on one surface and shown on another is recovered outright.
/// </summary>
public static class HiddenCellAttack
{
    public const double Threshold = 10;

    /// <summary>
    /// Rates published over a count of the same cell, from their definitions (indicators-v1.md): average payment = Σ amount
    /// / households paid; applications rejected / applications received; the median days from application to benefit over
    /// the households whose benefit started. Each is published only over a denominator of at least 20, so a published rate
    /// says the count is ≥ 20 and one withheld for its small denominator that it is ≤ 19. The benefit within 30 days is
    /// taken over the applications received that were not rejected, a part of that count: published, it says the count is
    /// ≥ 20; withheld, nothing.
    /// </summary>
    public static readonly (string Rate, string Count, bool DenominatorIsTheCount)[] RateOverCount =
    [
        ("average_payment_eur", "households_paid", true),
        ("applications_rejected_rate", "applications_received", true),
        ("median_days_application_to_benefit", "benefit_started", true),
        ("benefit_within_30_days", "applications_received", false),
    ];

    public sealed record Finding(CellKey Cell, string How, double Low, double High)
    {
        public override string ToString() => $"{Cell}: {How} [{Low}, {High}]";
    }

    public static List<Finding> Run(PublicHarvest h)
    {
        var findings = new List<Finding>();
        // 1. Shown somewhere, hidden elsewhere.
        foreach (var (key, obs) in h.Cells)
        {
            var shown = obs.FirstOrDefault(o => o.Number is not null);
            var hidden = obs.FirstOrDefault(o => o.Number is null && o.Text != "");
            if (shown is not null && hidden is not null)
                findings.Add(new Finding(key, $"'{hidden.Text}' on {hidden.Source}, {shown.Text} on {shown.Source}", shown.Number!.Value, shown.Number!.Value));
        }

        // 2. Bounds over the sum lines of every count indicator and month.
        var regionsOfAts = h.AtsRegion.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList());
        foreach (var indicator in h.Kinds.Where(k => k.Value == "count").Select(k => k.Key))
            foreach (var month in h.Cells.Keys.Where(k => k.Indicator == indicator).Select(k => k.Month).Distinct())
            {
                CellKey K(string level, string code) => new(indicator, level, code, month);
                var lines = new List<(CellKey Total, List<CellKey> Parts)> { (K("national", "IT"), h.Regions.Select(r => K("region", r)).ToList()) };
                lines.AddRange(regionsOfAts.Select(kv => (K("region", kv.Key), kv.Value.Select(a => K("ats", a)).ToList())));
                lines.AddRange(MemberLines(h, K("national", "IT")));
                foreach (var withMarkers in new[] { false, true })
                {
                    var bounds = Propagate(h, lines, withMarkers);
                    foreach (var (key, (low, high)) in bounds)
                    {
                        if (Published(h, key) is not null) continue;
                        if (!h.Cells.ContainsKey(key)) continue; // a cell no surface shows
                        if (low > high + 1e-6)
                            findings.Add(new Finding(key, "inconsistent lines (the reader's model or the data is wrong)", low, high));
                        else if (!withMarkers && high - low < Threshold - 1e-9)
                            findings.Add(new Finding(key, "equalities bound it within less than the threshold", low, high));
                        else if (withMarkers && Math.Floor(high + 1e-9) <= Math.Ceiling(low - 1e-9))
                            findings.Add(new Finding(key, "equalities and markers leave one value", low, high));
                    }
                }
            }
        return findings;
    }

    /// <summary>
    /// The lines of the disaggregated tables around one indicator and month: for Italy and each region, the members of
    /// each dimension add up to the total; for each member, the regions add up to Italy. Only where some surface shows
    /// the members of that indicator (the others do not carry the dimension).
    /// </summary>
    public static IEnumerable<(CellKey Total, List<CellKey> Parts)> MemberLines(PublicHarvest h, CellKey italy)
    {
        foreach (var (dimension, members) in h.MembersOf)
        {
            CellKey M(string level, string code, string member) => italy with { Level = level, Territory = code, Dimension = dimension, Member = member };
            if (!h.Cells.ContainsKey(M("national", "IT", members[0]))) continue;
            foreach (var (level, code) in h.Regions.Select(r => ("region", r)).Prepend(("national", "IT")))
                yield return (italy with { Level = level, Territory = code }, members.Select(m => M(level, code, m)).ToList());
            foreach (var member in members)
                yield return (M("national", "IT", member), h.Regions.Select(r => M("region", r, member)).ToList());
        }
    }

    /// <summary>The published number of a cell on any surface, if one shows it.</summary>
    public static double? Published(PublicHarvest h, CellKey key) =>
        h.Cells.TryGetValue(key, out var obs) ? obs.Select(o => o.Number).FirstOrDefault(n => n is not null) : null;

    private static Dictionary<CellKey, (double Low, double High)> Propagate(PublicHarvest h, List<(CellKey Total, List<CellKey> Parts)> lines, bool withMarkers)
    {
        var bounds = new Dictionary<CellKey, (double Low, double High)>();
        foreach (var key in lines.SelectMany(l => l.Parts.Append(l.Total)).Distinct())
            bounds[key] = Published(h, key) is { } v ? (v, v) : withMarkers ? MarkerBounds(h, key) : (0, double.PositiveInfinity);
        for (var pass = 0; pass < 1000; pass++)
        {
            var changed = false;
            foreach (var (total, parts) in lines)
            {
                // total = Σ parts: narrow the total from the parts, then each part from the total and the others.
                var lowSum = parts.Sum(p => bounds[p].Low);
                var highSum = parts.Sum(p => bounds[p].High);
                changed |= Narrow(bounds, total, lowSum, highSum);
                var t = bounds[total];
                foreach (var p in parts)
                {
                    var b = bounds[p];
                    var othersLow = lowSum - b.Low;
                    var othersHigh = double.IsPositiveInfinity(b.High)
                        ? parts.Where(q => q != p).Sum(q => bounds[q].High)
                        : highSum - b.High;
                    changed |= Narrow(bounds, p, t.Low - othersHigh, t.High - othersLow);
                }
            }
            if (!changed) break;
        }
        return bounds;
    }

    private static (double, double) MarkerBounds(PublicHarvest h, CellKey key)
    {
        double low = 0, high = double.PositiveInfinity;
        if (h.Cells.TryGetValue(key, out var obs))
        {
            if (obs.Any(o => o.Text == "<10")) high = 9;
            if (obs.Any(o => o.Status == "secondary_suppression")) low = Threshold;
        }
        foreach (var (rate, _, denominatorIsTheCount) in RateOverCount.Where(x => x.Count == key.Indicator))
        {
            if (!h.Cells.TryGetValue(key with { Indicator = rate }, out var rateObs)) continue;
            if (rateObs.Any(o => o.Number is not null)) low = Math.Max(low, 20);
            if (denominatorIsTheCount && rateObs.Any(o => o.Status == "small_denominator")) high = Math.Min(high, 19);
        }
        return (low, high);
    }

    private static bool Narrow(Dictionary<CellKey, (double Low, double High)> bounds, CellKey key, double low, double high)
    {
        var (l, hi) = bounds[key];
        var nl = Math.Max(l, Math.Ceiling(low - 1e-9));   // counts are whole numbers
        var nh = Math.Min(hi, Math.Floor(high + 1e-9));
        if (nl <= l && nh >= hi) return false;
        bounds[key] = (nl, nh);
        return nl <= nh; // stop narrowing a contradiction (reported by the caller)
    }
}
