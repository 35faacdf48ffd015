namespace Monitoring.Tools.Generate;

/// <summary>
/// Streams the households of one ATS with their members, monthly payments and (for the social
/// services pathway) their case. Most households are the stock already in the programme when the
/// period starts (they apply in its first weeks); the rest arrive evenly over the period. Before the
/// period, a history of earlier measures (MeasureHistory: REI in early 2019, RdC 2019–2023) gives the
/// series by measure something to show; in the period, ADI and a share of SFL.
/// </summary>
internal sealed class HouseholdGenerator(
    Territory territory, ExportWriters writers, IdSequence ids, FiscalCodeFactory fiscalCodes, CaseSimulator cases, int seed,
    LegacyHistory history = LegacyHistory.Sample)
{
    private const double StockShare = 0.87;
    private const int IseeThresholdCents = 1_014_000; // ADI means-test threshold, €10,140

    private readonly List<PersonDraft> _members = [];
    private readonly List<(Membership Row, double Cumulative)> _candidates = [];
    private readonly DateOnly _reference = territory.ReferenceDate;
    private readonly DateOnly _window = territory.WindowStart;
    private readonly IReadOnlyList<Municipality> _all = territory.AllMunicipalities;

    public void Generate(AtsUnit unit)
    {
        var rng = SeedMixer.Stream(seed, 10, unit.Index);
        var zone = TakeUpRates.Zone(unit.RegionCode);
        var regional = territory.Units.Where(u => u.RegionCode == unit.RegionCode).SelectMany(u => u.Members).ToList();
        for (var i = 0; i < unit.Households; i++)
        {
            var applied = rng.Chance(StockShare)
                ? _window.AddDays(rng.Next(60))
                : rng.DayBetween(_window, _reference);
            var benefit = MeasureHistory.Current(rng, applied, _reference);
            OneHousehold(rng, unit, zone, regional, applied, benefit);
        }
        // The earlier measures, on their own stream so the period's households stay as they were drawn.
        var legacyRng = SeedMixer.Stream(seed, 11, unit.Index);
        var whole = history == LegacyHistory.Whole;
        var legacy = (int)Math.Round(unit.Households * (whole ? MeasureHistory.WholeHistoryShare : MeasureHistory.LegacyShare));
        for (var i = 0; i < legacy; i++)
        {
            var applied = whole ? MeasureHistory.WholeHistoryApplication(legacyRng) : MeasureHistory.LegacyApplication(legacyRng);
            OneHousehold(legacyRng, unit, zone, regional, applied, MeasureHistory.Legacy(legacyRng, applied));
        }
    }

    private void OneHousehold(Random rng, AtsUnit unit, int zone, List<Municipality> regional, DateOnly applied, BenefitSpell benefit)
    {
        var municipality = PickMunicipality(rng, unit, applied);
        var citizenship = HouseholdComposer.DrawCitizenship(rng, zone);
        if (benefit.Measure == "SFL")
            HouseholdComposer.ComposeSfl(rng, HouseholdComposer.DrawSflSize(rng), citizenship, applied, _members);
        else
            HouseholdComposer.Compose(rng, HouseholdComposer.DrawSize(rng, zone), citizenship, applied, _members);
        var (measure, status, benefitStart, benefitEnd, pathway, lastPaid) = benefit;

        var householdId = ids.Household();
        var applicantCode = "";
        var pw = writers.Persons;
        int minors = 0, over60 = 0, disabled = 0;
        for (var k = 0; k < _members.Count; k++)
        {
            var m = _members[k];
            if (m.AgeAtApplication < 18) minors++;
            if (m.AgeAtApplication > 60) over60++;
            if (m.Disabled) disabled++;
            var birthPlace = rng.NextDouble() switch
            {
                < 0.7 => municipality,
                < 0.9 => rng.Pick(regional),
                _ => rng.Pick(_all),
            };
            var code = fiscalCodes.Create(m.LastName, m.FirstName, m.BirthDate, m.Female, birthPlace.CadastralCode, rng);
            if (k == 0) applicantCode = code;
            pw.Text(ids.Person()); pw.Text(householdId); pw.Text(code); pw.Text(m.FirstName); pw.Text(m.LastName);
            pw.Date(m.BirthDate); pw.Text(m.Female ? "F" : "M"); pw.Text(citizenship); pw.Text(m.Relationship);
            pw.Bool(LabourActivable(rng, m));
            pw.EndRow();
        }

        var hw = writers.Households;
        hw.Text(householdId); hw.Text(applicantCode); hw.Text(municipality.Code);
        hw.Text($"{rng.Pick(ItalianNames.Streets)} {1 + rng.Next(180)}, {PostCode(municipality)} {municipality.Name}");
        hw.Int(_members.Count); hw.Int(minors); hw.Int(over60); hw.Int(disabled);
        if (rng.Chance(0.03)) hw.Null();
        else hw.Cents(status == "rejected" && rng.Chance(0.5)
            ? IseeThresholdCents + rng.Next(1, 800_000)
            : (long)(IseeThresholdCents * Math.Pow(rng.NextDouble(), 0.8)));
        hw.Text(measure); hw.Date(applied); hw.Date(benefitStart); hw.Date(benefitEnd); hw.Text(pathway); hw.Text(status);
        hw.EndRow();

        if (benefitStart is { } s) Payments(rng, householdId, s, lastPaid, measure, benefit.Pause);

        // Cases come from the period's social-services households: an earlier measure's case would have been closed
        // long before the export (GePI keeps them, but their events are outside every indicator's window of interest).
        if (pathway == "social_services" && !MeasureHistory.IsLegacy(measure))
        {
            var opened = applied.AddDays(10 + rng.ExpDays(12));
            var caseAts = territory.AtsOn(municipality.Code, opened) ?? unit;
            if (opened <= _reference)
                cases.Simulate(rng, householdId, caseAts, opened,
                    status is "ended" or "revoked" ? benefitEnd : null, _members);
        }
    }

    private void Payments(Random rng, string householdId, DateOnly start, DateOnly lastPaid, string measure, DateOnly? pause)
    {
        // ADI's amount grows with household size; spread so the national mean is about €620. SFL is a flat €350 a
        // month per person in training (MeasureHistory); RdC and REI were somewhat lower than ADI on average.
        var baseEur = (380 + 85 * Math.Min(_members.Count, 6)) * rng.LogNormal(0.3) * MeasureHistory.AmountFactor(measure);
        var cents = measure == "SFL" ? MeasureHistory.SflMonthlyCents
            : (long)Math.Clamp(baseEur * 100, 4_000, 160_000);
        var w = writers.Payments;
        for (var month = start; month <= lastPaid; month = month.AddMonths(1))
        {
            if (month == pause) continue; // an ADI renewal's month without payment
            // The first payment arrives mid-month, the following ones at the end of the month.
            var day = month == start ? 15 + rng.Next(3) : 26 + rng.Next(3);
            var paid = new DateOnly(month.Year, month.Month, Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month)));
            if (paid > _reference) break;
            if (rng.Chance(0.05)) cents = (long)Math.Clamp(cents * (0.85 + 0.3 * rng.NextDouble()), 4_000, 160_000);
            w.Text(householdId); w.Month(month.Year, month.Month); w.Cents(cents); w.Date(paid);
            w.EndRow();
        }
    }

    private Municipality PickMunicipality(Random rng, AtsUnit unit, DateOnly day)
    {
        _candidates.Clear();
        var total = 0.0;
        foreach (var row in unit.Memberships)
        {
            // A merged municipality's households are recorded under the municipality that absorbed it.
            if (!row.HoldsOn(day) || territory.IsMergedAway(row.Municipality.Code)) continue;
            total += Math.Max(row.Municipality.Population, 1);
            _candidates.Add((row, total));
        }
        if (_candidates.Count == 0) return unit.Members[0];
        var x = rng.NextDouble() * total;
        foreach (var (row, cumulative) in _candidates)
            if (x < cumulative) return row.Municipality;
        return _candidates[^1].Row.Municipality;
    }

    private static bool? LabourActivable(Random rng, in PersonDraft m)
    {
        if (rng.Chance(0.05)) return null;
        if (m.AgeAtApplication < 18 || m.AgeAtApplication >= 60 || m.Disabled) return false;
        return rng.Chance(0.55);
    }

    // Postal codes are not in the ISTAT file: the region's real first two digits, then a plausible rest.
    private static readonly Dictionary<string, int> PostPrefix = new()
    {
        ["01"] = 10, ["02"] = 11, ["03"] = 20, ["04"] = 38, ["05"] = 30, ["06"] = 33, ["07"] = 16, ["08"] = 40, ["09"] = 50,
        ["10"] = 6, ["11"] = 60, ["12"] = 0, ["13"] = 65, ["14"] = 86, ["15"] = 80, ["16"] = 70, ["17"] = 85, ["18"] = 88,
        ["19"] = 90, ["20"] = 9,
    };

    private static string PostCode(Municipality m) =>
        $"{PostPrefix.GetValueOrDefault(m.RegionCode, 0) + int.Parse(m.ProvinceCode) % 4:00}0{int.Parse(m.Code) % 100:00}";
}
