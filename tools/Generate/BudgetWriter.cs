namespace Monitoring.Tools.Generate;

/// <summary>
/// budget.csv: 2-3 fund lines per ATS and year (the poverty fund's services quota always, PON
/// Inclusione usually, PNRR M5C2 sometimes), allocated in proportion to residents; the current year
/// is committed and spent only in part; slow ATS spend less.
/// </summary>
internal static class BudgetWriter
{
    public static ManifestFileEntry Write(string dir, Territory territory, int seed)
    {
        using var w = new CsvFileWriter(Path.Combine(dir, "budget.csv"),
            "ats_code", "year", "fund", "allocated_eur", "committed_eur", "spent_eur");
        var firstYear = territory.WindowStart.Year;
        var lastYear = territory.ReferenceDate.Year;
        foreach (var unit in territory.Units)
        {
            var rng = SeedMixer.Stream(seed, 20, unit.Index);
            var residents = Math.Max(unit.Population, 1000);
            for (var year = firstYear; year <= lastYear; year++)
            {
                var elapsed = year < lastYear ? 1.0 : territory.ReferenceDate.DayOfYear / 365.0;
                Line(w, rng, unit, year, "fondo_poverta_quota_servizi", residents * 9.5, elapsed);
                Line(w, rng, unit, year, "pon_inclusione", residents * 4.0, elapsed);
                if (rng.Chance(0.45)) Line(w, rng, unit, year, "pnrr_m5c2_inclusione", residents * 6.0, elapsed);
            }
        }
        return w.Complete();
    }

    private static void Line(CsvFileWriter w, Random rng, AtsUnit unit, int year, string fund, double perResidentsEur, double elapsed)
    {
        var allocated = (long)(perResidentsEur * rng.LogNormal(0.2) * 100);
        var slowness = unit.Profile == AtsProfile.Slow ? 0.6 : 1.0;
        var committed = (long)(allocated * Math.Min(1.0, elapsed * (0.55 + 0.4 * rng.NextDouble())));
        var spent = (long)(committed * Math.Min(1.0, slowness * (0.5 + 0.45 * rng.NextDouble())));
        w.Text(unit.Code); w.Int(year); w.Text(fund); w.Cents(allocated);
        if (rng.Chance(0.05)) { w.Null(); w.Null(); }
        else { w.Cents(committed); w.Cents(spent); }
        w.EndRow();
    }
}
